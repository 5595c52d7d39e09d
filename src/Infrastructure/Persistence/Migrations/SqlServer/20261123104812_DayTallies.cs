using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DayTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DayTallies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Network = table.Column<int>(type: "int", nullable: false),
                    SlaPolicyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NoAction = table.Column<bool>(type: "bit", nullable: false),
                    NeedsResponse = table.Column<bool>(type: "bit", nullable: false),
                    Responded = table.Column<bool>(type: "bit", nullable: false),
                    FirstResponseSla = table.Column<int>(type: "int", nullable: false),
                    ResolutionSla = table.Column<int>(type: "int", nullable: false),
                    MovedToPrivate = table.Column<bool>(type: "bit", nullable: false),
                    Forwarded = table.Column<bool>(type: "bit", nullable: false),
                    ForwardOutcome = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayTallies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DayTallies_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DayTallies_AgencyId",
                table: "DayTallies",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_DayTallies_AgencyId_BrandId",
                table: "DayTallies",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_DayTallies_BrandId",
                table: "DayTallies",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_DayTallies_Dashboard",
                table: "DayTallies",
                columns: new[] { "AgencyId", "BrandId", "Day", "Network", "SlaPolicyId", "NoAction", "NeedsResponse", "Responded", "FirstResponseSla", "ResolutionSla", "MovedToPrivate", "Forwarded", "ForwardOutcome", "Count" });

            // Existing facts are counted into day tallies by one rebuild of each brand's rollups, on their next run.
            migrationBuilder.Sql("DELETE FROM [RollupStates];");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DayTallies");
        }
    }
}
