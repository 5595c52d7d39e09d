using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Tags",
                table: "ConversationFacts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.CreateTable(
                name: "DayStats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Network = table.Column<int>(type: "integer", nullable: false),
                    Intent = table.Column<int>(type: "integer", nullable: true),
                    Sentiment = table.Column<int>(type: "integer", nullable: true),
                    Inbound = table.Column<int>(type: "integer", nullable: false),
                    Outbound = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_DayStats_AgencyId_BrandId_Day_Network_Intent_Sentiment_Inbo~",
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

            migrationBuilder.AlterColumn<string>(
                name: "Tags",
                table: "ConversationFacts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.CreateTable(
                name: "HourStats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    HourUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Inbound = table.Column<int>(type: "integer", nullable: false),
                    Intent = table.Column<int>(type: "integer", nullable: true),
                    Network = table.Column<int>(type: "integer", nullable: false),
                    Outbound = table.Column<int>(type: "integer", nullable: false),
                    Sentiment = table.Column<int>(type: "integer", nullable: true)
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
