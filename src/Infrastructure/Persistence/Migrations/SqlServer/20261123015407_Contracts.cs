using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Contracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TimeOff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeOff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimeOff_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinHoursPerWeek = table.Column<double>(type: "float", nullable: false),
                    MaxHoursPerWeek = table.Column<double>(type: "float", nullable: false),
                    MinShiftHours = table.Column<double>(type: "float", nullable: false),
                    MaxShiftHours = table.Column<double>(type: "float", nullable: false),
                    MaxConsecutiveDays = table.Column<int>(type: "int", nullable: false),
                    MinRestHours = table.Column<double>(type: "float", nullable: false),
                    MaxWeekendsPer4Weeks = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkContracts_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TimeOff_AgencyId",
                table: "TimeOff",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeOff_AgencyId_StaffMemberId_StartsAt",
                table: "TimeOff",
                columns: new[] { "AgencyId", "StaffMemberId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeOff_AgencyId_Status_StartsAt",
                table: "TimeOff",
                columns: new[] { "AgencyId", "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeOff_StaffMemberId",
                table: "TimeOff",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkContracts_AgencyId",
                table: "WorkContracts",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkContracts_AgencyId_StaffMemberId",
                table: "WorkContracts",
                columns: new[] { "AgencyId", "StaffMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkContracts_StaffMemberId",
                table: "WorkContracts",
                column: "StaffMemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TimeOff");

            migrationBuilder.DropTable(
                name: "WorkContracts");
        }
    }
}
