using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Conversations",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "ConversationFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Network = table.Column<int>(type: "INTEGER", nullable: false),
                    Department = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Intent = table.Column<int>(type: "INTEGER", nullable: true),
                    Sentiment = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    NoAction = table.Column<bool>(type: "INTEGER", nullable: false),
                    NeedsResponse = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstResponseSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstResponseBusinessSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlaPolicyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstResponseSla = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionSla = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MovedToPrivate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Forwarded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForwardedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ForwardOutcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationFacts_Conversations_Id",
                        column: x => x.Id,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HourStats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HourUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Network = table.Column<int>(type: "INTEGER", nullable: false),
                    Intent = table.Column<int>(type: "INTEGER", nullable: true),
                    Sentiment = table.Column<int>(type: "INTEGER", nullable: true),
                    Inbound = table.Column<int>(type: "INTEGER", nullable: false),
                    Outbound = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ReportDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportDeliveries_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RollupStates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostsThrough = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConversationsThrough = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupStates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RollupStates_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AgencyId_BrandId_CreatedAt",
                table: "Posts",
                columns: new[] { "AgencyId", "BrandId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AgencyId_BrandId_ReceivedAt",
                table: "Posts",
                columns: new[] { "AgencyId", "BrandId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_BrandId_ChangedAt_Id",
                table: "Conversations",
                columns: new[] { "AgencyId", "BrandId", "ChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_AgencyId",
                table: "ConversationFacts",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_AgencyId_BrandId",
                table: "ConversationFacts",
                columns: new[] { "AgencyId", "BrandId" });

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

            migrationBuilder.CreateIndex(
                name: "IX_ReportDeliveries_AgencyId",
                table: "ReportDeliveries",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDeliveries_AgencyId_BrandId",
                table: "ReportDeliveries",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDeliveries_AgencyId_BrandId_Year_Month",
                table: "ReportDeliveries",
                columns: new[] { "AgencyId", "BrandId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDeliveries_BrandId",
                table: "ReportDeliveries",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_RollupStates_AgencyId",
                table: "RollupStates",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_RollupStates_AgencyId_BrandId",
                table: "RollupStates",
                columns: new[] { "AgencyId", "BrandId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RollupStates_BrandId",
                table: "RollupStates",
                column: "BrandId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationFacts");

            migrationBuilder.DropTable(
                name: "HourStats");

            migrationBuilder.DropTable(
                name: "ReportDeliveries");

            migrationBuilder.DropTable(
                name: "RollupStates");

            migrationBuilder.DropIndex(
                name: "IX_Posts_AgencyId_BrandId_CreatedAt",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_AgencyId_BrandId_ReceivedAt",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_AgencyId_BrandId_ChangedAt_Id",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Conversations");
        }
    }
}
