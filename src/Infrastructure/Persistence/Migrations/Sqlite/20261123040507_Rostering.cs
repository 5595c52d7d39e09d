using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rostering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RosterRunId",
                table: "Shifts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RosterRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Weeks = table.Column<int>(type: "INTEGER", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimitSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DemandIntervals = table.Column<int>(type: "INTEGER", nullable: false),
                    UnderCoverageIntervals = table.Column<int>(type: "INTEGER", nullable: false),
                    OverCoverageIntervals = table.Column<int>(type: "INTEGER", nullable: false),
                    LowerBoundIntervals = table.Column<int>(type: "INTEGER", nullable: false),
                    Objective = table.Column<long>(type: "INTEGER", nullable: false),
                    Shifts = table.Column<int>(type: "INTEGER", nullable: false),
                    Solutions = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_AgencyId_RosterRunId",
                table: "Shifts",
                columns: new[] { "AgencyId", "RosterRunId" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_RosterRunId",
                table: "Shifts",
                column: "RosterRunId");

            migrationBuilder.CreateIndex(
                name: "IX_RosterRuns_AgencyId",
                table: "RosterRuns",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_RosterRuns_AgencyId_CreatedAt",
                table: "RosterRuns",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Shifts_RosterRuns_RosterRunId",
                table: "Shifts",
                column: "RosterRunId",
                principalTable: "RosterRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Shifts_RosterRuns_RosterRunId",
                table: "Shifts");

            migrationBuilder.DropTable(
                name: "RosterRuns");

            migrationBuilder.DropIndex(
                name: "IX_Shifts_AgencyId_RosterRunId",
                table: "Shifts");

            migrationBuilder.DropIndex(
                name: "IX_Shifts_RosterRunId",
                table: "Shifts");

            migrationBuilder.DropColumn(
                name: "RosterRunId",
                table: "Shifts");
        }
    }
}
