using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Workspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsAutomatic",
                table: "Posts",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AssignedAt",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssignedStaffId",
                table: "Conversations",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AwaitingReplySince",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Department",
                table: "Conversations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DueSort",
                table: "Conversations",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseDueAt",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Forwarded",
                table: "Conversations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ForwardedAt",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForwardedBy",
                table: "Conversations",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Intent",
                table: "Conversations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Conversations",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MovedToPrivateAt",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Network",
                table: "Conversations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextResponseDueAt",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoAction",
                table: "Conversations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Pauses",
                table: "Conversations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PersonalData",
                table: "Conversations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "Conversations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Queue",
                table: "Conversations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionDueAt",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Routed",
                table: "Conversations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RoutedBy",
                table: "Conversations",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SentBackAt",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SentBackReason",
                table: "Conversations",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sentiment",
                table: "Conversations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SlaPolicyId",
                table: "Conversations",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Conversations",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "TeamId",
                table: "Conversations",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Conversations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "WaitingSince",
                table: "Conversations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConversationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationNotes_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboundMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChannelAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IsPrivate = table.Column<bool>(type: "bit", nullable: false),
                    InReplyToExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RecipientExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SentByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    SentByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    IsAutomatic = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundMessages_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    IsEnabled = table.Column<bool>(type: "bit", nullable: false),
                    StopAfter = table.Column<bool>(type: "bit", nullable: false),
                    Networks = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Departments = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Intents = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Sentiments = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Keywords = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Regex = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Languages = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    HasPersonalData = table.Column<bool>(type: "bit", nullable: true),
                    MinFollowers = table.Column<int>(type: "int", nullable: true),
                    FromLocal = table.Column<TimeOnly>(type: "time", nullable: true),
                    ToLocal = table.Column<TimeOnly>(type: "time", nullable: true),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SetPriority = table.Column<int>(type: "int", nullable: true),
                    AddTags = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AutoReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NotifyOwner = table.Column<bool>(type: "bit", nullable: false),
                    NoAction = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoutingRules_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavedReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Purpose = table.Column<int>(type: "int", nullable: false),
                    Network = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedReplies_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceHours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<int>(type: "int", nullable: false),
                    Start = table.Column<TimeSpan>(type: "time", nullable: false),
                    End = table.Column<TimeSpan>(type: "time", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceHours_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Shifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Source = table.Column<int>(type: "int", nullable: false),
                    IsPublished = table.Column<bool>(type: "bit", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shifts_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Target = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    DueAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AssignedStaffId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaEvents_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BrandId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Network = table.Column<int>(type: "int", nullable: true),
                    Intent = table.Column<int>(type: "int", nullable: true),
                    Priority = table.Column<int>(type: "int", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "int", nullable: false),
                    NextResponseMinutes = table.Column<int>(type: "int", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "int", nullable: false),
                    BusinessHoursOnly = table.Column<bool>(type: "bit", nullable: false),
                    WarnAtShare = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_AssignedStaffId_Queue_DueSort",
                table: "Conversations",
                columns: new[] { "AgencyId", "AssignedStaffId", "Queue", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_BrandId_Queue_DueSort",
                table: "Conversations",
                columns: new[] { "AgencyId", "BrandId", "Queue", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_Queue_DueSort_StartedAt",
                table: "Conversations",
                columns: new[] { "AgencyId", "Queue", "DueSort", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_TeamId_Queue_DueSort",
                table: "Conversations",
                columns: new[] { "AgencyId", "TeamId", "Queue", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationNotes_AgencyId",
                table: "ConversationNotes",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationNotes_AgencyId_BrandId",
                table: "ConversationNotes",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationNotes_AgencyId_BrandId_ConversationId_CreatedAt",
                table: "ConversationNotes",
                columns: new[] { "AgencyId", "BrandId", "ConversationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationNotes_ConversationId",
                table: "ConversationNotes",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AgencyId",
                table: "Notifications",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AgencyId_UserId_Key",
                table: "Notifications",
                columns: new[] { "AgencyId", "UserId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AgencyId_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "AgencyId", "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_AgencyId",
                table: "OutboundMessages",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_AgencyId_BrandId",
                table: "OutboundMessages",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_AgencyId_BrandId_ConversationId_CreatedAt",
                table: "OutboundMessages",
                columns: new[] { "AgencyId", "BrandId", "ConversationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_ConversationId",
                table: "OutboundMessages",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_Status_NextAttemptAt",
                table: "OutboundMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_AgencyId",
                table: "RoutingRules",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_AgencyId_BrandId",
                table: "RoutingRules",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_AgencyId_BrandId_Name",
                table: "RoutingRules",
                columns: new[] { "AgencyId", "BrandId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_BrandId",
                table: "RoutingRules",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_AgencyId",
                table: "SavedReplies",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_AgencyId_BrandId",
                table: "SavedReplies",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_AgencyId_BrandId_Title",
                table: "SavedReplies",
                columns: new[] { "AgencyId", "BrandId", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_BrandId",
                table: "SavedReplies",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceHours_AgencyId",
                table: "ServiceHours",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceHours_AgencyId_BrandId",
                table: "ServiceHours",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceHours_BrandId",
                table: "ServiceHours",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_AgencyId",
                table: "Shifts",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_AgencyId_StaffMemberId_StartsAt",
                table: "Shifts",
                columns: new[] { "AgencyId", "StaffMemberId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_AgencyId_StartsAt_EndsAt",
                table: "Shifts",
                columns: new[] { "AgencyId", "StartsAt", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_StaffMemberId",
                table: "Shifts",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaEvents_AgencyId",
                table: "SlaEvents",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaEvents_AgencyId_BrandId",
                table: "SlaEvents",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaEvents_AgencyId_BrandId_At",
                table: "SlaEvents",
                columns: new[] { "AgencyId", "BrandId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaEvents_AgencyId_BrandId_ConversationId_Target_Kind_DueAt",
                table: "SlaEvents",
                columns: new[] { "AgencyId", "BrandId", "ConversationId", "Target", "Kind", "DueAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaEvents_ConversationId",
                table: "SlaEvents",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_AgencyId",
                table: "SlaPolicies",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_AgencyId_BrandId",
                table: "SlaPolicies",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_AgencyId_BrandId_Name",
                table: "SlaPolicies",
                columns: new[] { "AgencyId", "BrandId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_BrandId",
                table: "SlaPolicies",
                column: "BrandId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationNotes");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OutboundMessages");

            migrationBuilder.DropTable(
                name: "RoutingRules");

            migrationBuilder.DropTable(
                name: "SavedReplies");

            migrationBuilder.DropTable(
                name: "ServiceHours");

            migrationBuilder.DropTable(
                name: "Shifts");

            migrationBuilder.DropTable(
                name: "SlaEvents");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_AgencyId_AssignedStaffId_Queue_DueSort",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_AgencyId_BrandId_Queue_DueSort",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_AgencyId_Queue_DueSort_StartedAt",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_AgencyId_TeamId_Queue_DueSort",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "IsAutomatic",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "AssignedStaffId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "AwaitingReplySince",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Department",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "DueSort",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Forwarded",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ForwardedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ForwardedBy",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Intent",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "MovedToPrivateAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Network",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "NextResponseDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "NoAction",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Pauses",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "PersonalData",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Queue",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Routed",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RoutedBy",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SentBackAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SentBackReason",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Sentiment",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaPolicyId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "WaitingSince",
                table: "Conversations");
        }
    }
}
