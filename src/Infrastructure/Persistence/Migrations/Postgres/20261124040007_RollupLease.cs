using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "RollupStates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rebuilds",
                table: "RollupStates",
                type: "integer",
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
