using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Planning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Network = table.Column<int>(type: "int", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "int", nullable: false),
                    AverageHandlingMinutes = table.Column<double>(type: "float", nullable: false),
                    Concurrency = table.Column<int>(type: "int", nullable: false),
                    ServiceLevel = table.Column<double>(type: "float", nullable: false),
                    TargetMinutes = table.Column<int>(type: "int", nullable: false),
                    Shrinkage = table.Column<double>(type: "float", nullable: false),
                    HorizonWeeks = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelPlans_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ForecastRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Network = table.Column<int>(type: "int", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FirstLocalDay = table.Column<DateOnly>(type: "date", nullable: false),
                    HistoryDays = table.Column<int>(type: "int", nullable: false),
                    Model = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Wape = table.Column<double>(type: "float", nullable: false),
                    Bias = table.Column<double>(type: "float", nullable: false),
                    BaselineWape = table.Column<double>(type: "float", nullable: false),
                    BaselineBias = table.Column<double>(type: "float", nullable: false),
                    HistoryPosts = table.Column<int>(type: "int", nullable: false),
                    RecentActual = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Point = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Lower = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Upper = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Required = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SimulatedServiceLevel = table.Column<double>(type: "float", nullable: false),
                    SimulatedP90Minutes = table.Column<double>(type: "float", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForecastRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForecastRuns_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelPlans_AgencyId",
                table: "ChannelPlans",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelPlans_AgencyId_BrandId",
                table: "ChannelPlans",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelPlans_AgencyId_BrandId_Network",
                table: "ChannelPlans",
                columns: new[] { "AgencyId", "BrandId", "Network" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelPlans_BrandId",
                table: "ChannelPlans",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_ForecastRuns_AgencyId",
                table: "ForecastRuns",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ForecastRuns_AgencyId_BrandId",
                table: "ForecastRuns",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ForecastRuns_AgencyId_BrandId_Network_CreatedAt",
                table: "ForecastRuns",
                columns: new[] { "AgencyId", "BrandId", "Network", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ForecastRuns_BrandId",
                table: "ForecastRuns",
                column: "BrandId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelPlans");

            migrationBuilder.DropTable(
                name: "ForecastRuns");
        }
    }
}
