using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Intake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Network = table.Column<int>(type: "int", nullable: false),
                    Handle = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    ExternalAccountId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Department = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    AppSecretProtected = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    VerifyTokenProtected = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AccessTokenProtected = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastEventAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelAccounts_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClassificationRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Pattern = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    IsRegex = table.Column<bool>(type: "bit", nullable: false),
                    Intent = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassificationRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SensitivePatterns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Regex = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SensitivePatterns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChannelAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CustomerHandle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CustomerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastActivityAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    InboundCount = table.Column<int>(type: "int", nullable: false),
                    OutboundCount = table.Column<int>(type: "int", nullable: false),
                    HasPrivateMessages = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conversations_ChannelAccounts_ChannelAccountId",
                        column: x => x.ChannelAccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InboxDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChannelAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Source = table.Column<int>(type: "int", nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    BodyHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ProcessedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    StoredItems = table.Column<int>(type: "int", nullable: false),
                    DuplicateItems = table.Column<int>(type: "int", nullable: false),
                    IgnoredItems = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboxDeliveries_ChannelAccounts_ChannelAccountId",
                        column: x => x.ChannelAccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Posts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChannelAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Direction = table.Column<int>(type: "int", nullable: false),
                    IsPrivate = table.Column<bool>(type: "bit", nullable: false),
                    AuthorExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorHandle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AuthorFollowers = table.Column<int>(type: "int", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    InReplyToExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Intent = table.Column<int>(type: "int", nullable: true),
                    IntentSource = table.Column<int>(type: "int", nullable: true),
                    IntentConfidence = table.Column<double>(type: "float", nullable: true),
                    IntentRule = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true),
                    Sentiment = table.Column<int>(type: "int", nullable: true),
                    SentimentScore = table.Column<double>(type: "float", nullable: true),
                    Urgency = table.Column<int>(type: "int", nullable: true),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    PersonalData = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Posts_ChannelAccounts_ChannelAccountId",
                        column: x => x.ChannelAccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Posts_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAccounts_AgencyId",
                table: "ChannelAccounts",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAccounts_AgencyId_BrandId",
                table: "ChannelAccounts",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAccounts_AgencyId_BrandId_Network_ExternalAccountId",
                table: "ChannelAccounts",
                columns: new[] { "AgencyId", "BrandId", "Network", "ExternalAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAccounts_BrandId",
                table: "ChannelAccounts",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationRules_AgencyId",
                table: "ClassificationRules",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationRules_AgencyId_BrandId",
                table: "ClassificationRules",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationRules_AgencyId_BrandId_Name",
                table: "ClassificationRules",
                columns: new[] { "AgencyId", "BrandId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId",
                table: "Conversations",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_BrandId",
                table: "Conversations",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_BrandId_ChannelAccountId_CustomerExternalId_LastActivityAt",
                table: "Conversations",
                columns: new[] { "AgencyId", "BrandId", "ChannelAccountId", "CustomerExternalId", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ChannelAccountId",
                table: "Conversations",
                column: "ChannelAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxDeliveries_AgencyId",
                table: "InboxDeliveries",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxDeliveries_AgencyId_BrandId",
                table: "InboxDeliveries",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxDeliveries_AgencyId_BrandId_ChannelAccountId_BodyHash",
                table: "InboxDeliveries",
                columns: new[] { "AgencyId", "BrandId", "ChannelAccountId", "BodyHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxDeliveries_ChannelAccountId",
                table: "InboxDeliveries",
                column: "ChannelAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxDeliveries_Status_ReceivedAt",
                table: "InboxDeliveries",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AgencyId",
                table: "Posts",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AgencyId_BrandId",
                table: "Posts",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AgencyId_BrandId_ChannelAccountId_ExternalId",
                table: "Posts",
                columns: new[] { "AgencyId", "BrandId", "ChannelAccountId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AgencyId_BrandId_ChannelAccountId_ReceivedAt",
                table: "Posts",
                columns: new[] { "AgencyId", "BrandId", "ChannelAccountId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AgencyId_BrandId_ConversationId_CreatedAt",
                table: "Posts",
                columns: new[] { "AgencyId", "BrandId", "ConversationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ChannelAccountId",
                table: "Posts",
                column: "ChannelAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ConversationId",
                table: "Posts",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_SensitivePatterns_AgencyId",
                table: "SensitivePatterns",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SensitivePatterns_AgencyId_BrandId",
                table: "SensitivePatterns",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_SensitivePatterns_AgencyId_BrandId_Name",
                table: "SensitivePatterns",
                columns: new[] { "AgencyId", "BrandId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClassificationRules");

            migrationBuilder.DropTable(
                name: "InboxDeliveries");

            migrationBuilder.DropTable(
                name: "Posts");

            migrationBuilder.DropTable(
                name: "SensitivePatterns");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "ChannelAccounts");
        }
    }
}
