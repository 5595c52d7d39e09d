using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Step",
                table: "RosterRuns",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StopRequestedAt",
                table: "RosterRuns",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StopRequestedBy",
                table: "RosterRuns",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Trace",
                table: "RosterRuns",
                type: "nvarchar(1000)",
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
