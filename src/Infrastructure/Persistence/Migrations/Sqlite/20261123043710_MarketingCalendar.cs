using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MarketingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Events",
                table: "ForecastRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "MarketingEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpectedUplift = table.Column<double>(type: "REAL", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketingEvents_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MarketingEvents_AgencyId",
                table: "MarketingEvents",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketingEvents_AgencyId_BrandId",
                table: "MarketingEvents",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_MarketingEvents_AgencyId_BrandId_FirstDay",
                table: "MarketingEvents",
                columns: new[] { "AgencyId", "BrandId", "FirstDay" });

            migrationBuilder.CreateIndex(
                name: "IX_MarketingEvents_BrandId",
                table: "MarketingEvents",
                column: "BrandId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MarketingEvents");

            migrationBuilder.DropColumn(
                name: "Events",
                table: "ForecastRuns");
        }
    }
}
