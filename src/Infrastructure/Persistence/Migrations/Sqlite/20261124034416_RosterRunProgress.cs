using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RosterRunProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ElapsedSeconds",
                table: "RosterRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Step",
                table: "RosterRuns",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StopRequestedAt",
                table: "RosterRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StopRequestedBy",
                table: "RosterRuns",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Trace",
                table: "RosterRuns",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ElapsedSeconds",
                table: "RosterRuns");

            migrationBuilder.DropColumn(
                name: "Step",
                table: "RosterRuns");

            migrationBuilder.DropColumn(
                name: "StopRequestedAt",
                table: "RosterRuns");

            migrationBuilder.DropColumn(
                name: "StopRequestedBy",
                table: "RosterRuns");

            migrationBuilder.DropColumn(
                name: "Trace",
                table: "RosterRuns");
        }
    }
}
