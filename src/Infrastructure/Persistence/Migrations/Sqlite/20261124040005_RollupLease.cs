using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RollupLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LeaseHolder",
                table: "RollupStates",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "RollupStates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rebuilds",
                table: "RollupStates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeaseHolder",
                table: "RollupStates");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "RollupStates");

            migrationBuilder.DropColumn(
                name: "Rebuilds",
                table: "RollupStates");
        }
    }
}
