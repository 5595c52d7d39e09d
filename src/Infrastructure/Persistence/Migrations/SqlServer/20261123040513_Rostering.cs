using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RosterRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Weeks = table.Column<int>(type: "int", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "int", nullable: false),
                    TimeLimitSeconds = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DemandIntervals = table.Column<int>(type: "int", nullable: false),
                    UnderCoverageIntervals = table.Column<int>(type: "int", nullable: false),
                    OverCoverageIntervals = table.Column<int>(type: "int", nullable: false),
                    LowerBoundIntervals = table.Column<int>(type: "int", nullable: false),
                    Objective = table.Column<long>(type: "bigint", nullable: false),
                    Shifts = table.Column<int>(type: "int", nullable: false),
                    Solutions = table.Column<int>(type: "int", nullable: false),
                    Message = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
