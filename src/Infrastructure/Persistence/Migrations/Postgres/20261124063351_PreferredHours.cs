using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PreferredHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "PreferredFrom",
                table: "WorkContracts",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "PreferredTo",
                table: "WorkContracts",
                type: "time without time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreferredFrom",
                table: "WorkContracts");

            migrationBuilder.DropColumn(
                name: "PreferredTo",
                table: "WorkContracts");
        }
    }
}
