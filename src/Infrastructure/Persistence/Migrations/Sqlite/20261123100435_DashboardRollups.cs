using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Facts are a projection: a tag list longer than the new limit (none in practice) is dropped and comes back shortened at the next change.
            migrationBuilder.Sql("UPDATE \"ConversationFacts\" SET \"Tags\" = '' WHERE length(\"Tags\") > 500;");
            // Daily counts replace hourly ones: every brand's rollups are rebuilt from its posts by the next rollup run.
            migrationBuilder.Sql("DELETE FROM \"RollupStates\";");

            migrationBuilder.DropTable(
                name: "HourStats");

            migrationBuilder.DropIndex(
                name: "IX_ConversationFacts_AgencyId_BrandId_StartedAt",
                table: "ConversationFacts");

            migrationBuilder.CreateTable(
                name: "DayStats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Network = table.Column<int>(type: "INTEGER", nullable: false),
                    Intent = table.Column<int>(type: "INTEGER", nullable: true),
                    Sentiment = table.Column<int>(type: "INTEGER", nullable: true),
                    Inbound = table.Column<int>(type: "INTEGER", nullable: false),
                    Outbound = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayStats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DayStats_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Backlog",
                table: "Conversations",
                columns: new[] { "AgencyId", "BrandId", "Queue", "FirstResponseAt", "StartedAt", "AwaitingReplySince" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_Dashboard",
                table: "ConversationFacts",
                columns: new[] { "AgencyId", "BrandId", "StartedAt", "Network", "SlaPolicyId", "NoAction", "NeedsResponse", "FirstResponseSla", "FirstResponseDueAt", "ResolutionSla", "ResolutionDueAt", "MovedToPrivate", "Forwarded", "ForwardOutcome", "FirstResponseSeconds", "FirstResponseBusinessSeconds", "Tags" });

            migrationBuilder.CreateIndex(
                name: "IX_DayStats_AgencyId",
                table: "DayStats",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_DayStats_AgencyId_BrandId",
                table: "DayStats",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_DayStats_AgencyId_BrandId_Day_Network_Intent_Sentiment_Inbound_Outbound",
                table: "DayStats",
                columns: new[] { "AgencyId", "BrandId", "Day", "Network", "Intent", "Sentiment", "Inbound", "Outbound" });

            migrationBuilder.CreateIndex(
                name: "IX_DayStats_BrandId",
                table: "DayStats",
                column: "BrandId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DayStats");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_Backlog",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_ConversationFacts_Dashboard",
                table: "ConversationFacts");

            migrationBuilder.CreateTable(
                name: "HourStats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HourUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Inbound = table.Column<int>(type: "INTEGER", nullable: false),
                    Intent = table.Column<int>(type: "INTEGER", nullable: true),
                    Network = table.Column<int>(type: "INTEGER", nullable: false),
                    Outbound = table.Column<int>(type: "INTEGER", nullable: false),
                    Sentiment = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourStats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HourStats_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_AgencyId_BrandId_StartedAt",
                table: "ConversationFacts",
                columns: new[] { "AgencyId", "BrandId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HourStats_AgencyId",
                table: "HourStats",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_HourStats_AgencyId_BrandId",
                table: "HourStats",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_HourStats_AgencyId_BrandId_HourUtc",
                table: "HourStats",
                columns: new[] { "AgencyId", "BrandId", "HourUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HourStats_BrandId",
                table: "HourStats",
                column: "BrandId");
        }
    }
}
