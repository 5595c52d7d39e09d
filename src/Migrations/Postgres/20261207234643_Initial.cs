using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Agency.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DefaultTimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    EntityType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassificationRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Pattern = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsRegex = table.Column<bool>(type: "boolean", nullable: false),
                    Intent = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassificationRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    BrandIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InvitedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NodeSignals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Node = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Payload = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NodeSignals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Weeks = table.Column<int>(type: "integer", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    TimeLimitSeconds = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DemandIntervals = table.Column<int>(type: "integer", nullable: false),
                    UnderCoverageIntervals = table.Column<int>(type: "integer", nullable: false),
                    OverCoverageIntervals = table.Column<int>(type: "integer", nullable: false),
                    LowerBoundIntervals = table.Column<int>(type: "integer", nullable: false),
                    Objective = table.Column<long>(type: "bigint", nullable: false),
                    Shifts = table.Column<int>(type: "integer", nullable: false),
                    Solutions = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Node = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Step = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ElapsedSeconds = table.Column<int>(type: "integer", nullable: false),
                    Trace = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StopRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StopRequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SensitivePatterns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Regex = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SensitivePatterns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    BrandIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Channels = table.Column<int[]>(type: "integer[]", nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    MaxConcurrentConversations = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LeadStaffMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    BrandIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSignInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Brands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Color = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Logo = table.Column<byte[]>(type: "bytea", nullable: true),
                    LogoContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Brands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Brands_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Shifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RosterRunId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shifts_RosterRuns_RosterRunId",
                        column: x => x.RosterRunId,
                        principalTable: "RosterRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Shifts_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimeOff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinHoursPerWeek = table.Column<double>(type: "double precision", nullable: false),
                    MaxHoursPerWeek = table.Column<double>(type: "double precision", nullable: false),
                    MinShiftHours = table.Column<double>(type: "double precision", nullable: false),
                    MaxShiftHours = table.Column<double>(type: "double precision", nullable: false),
                    MaxConsecutiveDays = table.Column<int>(type: "integer", nullable: false),
                    MinRestHours = table.Column<double>(type: "double precision", nullable: false),
                    MaxWeekendsPer4Weeks = table.Column<int>(type: "integer", nullable: false),
                    PreferredFrom = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    PreferredTo = table.Column<TimeOnly>(type: "time without time zone", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "TeamMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamMembers_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamMembers_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiKeys_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BrandHolidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandHolidays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BrandHolidays_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BrandIntentModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Model = table.Column<byte[]>(type: "bytea", nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TrainingExamples = table.Column<int>(type: "integer", nullable: false),
                    Corrections = table.Column<int>(type: "integer", nullable: false),
                    ModelAccuracy = table.Column<double>(type: "double precision", nullable: false),
                    RuleAccuracy = table.Column<double>(type: "double precision", nullable: false),
                    HeldOutExamples = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandIntentModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BrandIntentModels_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BrandMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BrandMemberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BrandMemberships_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChannelAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Network = table.Column<int>(type: "integer", nullable: false),
                    Handle = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ExternalAccountId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Department = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    AppSecretProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VerifyTokenProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AccessTokenProtected = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastEventAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                name: "ChannelPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Network = table.Column<int>(type: "integer", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    AverageHandlingMinutes = table.Column<double>(type: "double precision", nullable: false),
                    Concurrency = table.Column<int>(type: "integer", nullable: false),
                    ServiceLevel = table.Column<double>(type: "double precision", nullable: false),
                    TargetMinutes = table.Column<int>(type: "integer", nullable: false),
                    Shrinkage = table.Column<double>(type: "double precision", nullable: false),
                    HorizonWeeks = table.Column<int>(type: "integer", nullable: false),
                    MinimumStaff = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "DayTallies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Network = table.Column<int>(type: "integer", nullable: false),
                    SlaPolicyId = table.Column<Guid>(type: "uuid", nullable: true),
                    NoAction = table.Column<bool>(type: "boolean", nullable: false),
                    NeedsResponse = table.Column<bool>(type: "boolean", nullable: false),
                    Responded = table.Column<bool>(type: "boolean", nullable: false),
                    FirstResponseSla = table.Column<int>(type: "integer", nullable: false),
                    ResolutionSla = table.Column<int>(type: "integer", nullable: false),
                    MovedToPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    Forwarded = table.Column<bool>(type: "boolean", nullable: false),
                    ForwardOutcome = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ForecastRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Network = table.Column<int>(type: "integer", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstLocalDay = table.Column<DateOnly>(type: "date", nullable: false),
                    HistoryDays = table.Column<int>(type: "integer", nullable: false),
                    Model = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Wape = table.Column<double>(type: "double precision", nullable: false),
                    Bias = table.Column<double>(type: "double precision", nullable: false),
                    BaselineWape = table.Column<double>(type: "double precision", nullable: false),
                    BaselineBias = table.Column<double>(type: "double precision", nullable: false),
                    HistoryPosts = table.Column<int>(type: "integer", nullable: false),
                    RecentActual = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    Point = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    BacktestLastWeek = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    Lower = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    Upper = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    Events = table.Column<List<string>>(type: "text[]", nullable: false),
                    Required = table.Column<List<int>>(type: "integer[]", nullable: false),
                    StaffingModel = table.Column<int>(type: "integer", nullable: false),
                    LanguageCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    LanguagePosts = table.Column<List<int>>(type: "integer[]", nullable: false),
                    AverageHandlingMinutes = table.Column<double>(type: "double precision", nullable: false),
                    Concurrency = table.Column<int>(type: "integer", nullable: false),
                    ServiceLevel = table.Column<double>(type: "double precision", nullable: false),
                    TargetMinutes = table.Column<int>(type: "integer", nullable: false),
                    Shrinkage = table.Column<double>(type: "double precision", nullable: false),
                    MinimumStaff = table.Column<int>(type: "integer", nullable: false),
                    SimulatedServiceLevel = table.Column<double>(type: "double precision", nullable: false),
                    SimulatedP90Minutes = table.Column<double>(type: "double precision", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "MarketingEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpectedUplift = table.Column<double>(type: "double precision", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ReportDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false)
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
                name: "ReportRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportRecipients_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RollupStates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostsThrough = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConversationsThrough = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeaseHolder = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Rebuilds = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "RoutingRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    StopAfter = table.Column<bool>(type: "boolean", nullable: false),
                    Networks = table.Column<int[]>(type: "integer[]", nullable: false),
                    Departments = table.Column<int[]>(type: "integer[]", nullable: false),
                    Intents = table.Column<int[]>(type: "integer[]", nullable: false),
                    Sentiments = table.Column<int[]>(type: "integer[]", nullable: false),
                    Keywords = table.Column<List<string>>(type: "text[]", nullable: false),
                    Regex = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    HasPersonalData = table.Column<bool>(type: "boolean", nullable: true),
                    MinFollowers = table.Column<int>(type: "integer", nullable: true),
                    FromLocal = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ToLocal = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    SetPriority = table.Column<int>(type: "integer", nullable: true),
                    AddTags = table.Column<List<string>>(type: "text[]", nullable: false),
                    AutoReplyId = table.Column<Guid>(type: "uuid", nullable: true),
                    NotifyOwner = table.Column<bool>(type: "boolean", nullable: false),
                    NoAction = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Network = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<TimeSpan>(type: "interval", nullable: false),
                    End = table.Column<TimeSpan>(type: "interval", nullable: false)
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
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Network = table.Column<int>(type: "integer", nullable: true),
                    Intent = table.Column<int>(type: "integer", nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    NextResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "integer", nullable: false),
                    BusinessHoursOnly = table.Column<bool>(type: "boolean", nullable: false),
                    WarnAtShare = table.Column<double>(type: "double precision", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "WebhookEndpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Events = table.Column<List<string>>(type: "text[]", nullable: false),
                    SecretProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConversationsThrough = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConversationsThroughId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlaEventsThrough = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SlaEventsThroughId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeaseHolder = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFailureAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookEndpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookEndpoints_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Network = table.Column<int>(type: "integer", nullable: false),
                    Department = table.Column<int>(type: "integer", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomerHandle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CustomerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InboundCount = table.Column<int>(type: "integer", nullable: false),
                    OutboundCount = table.Column<int>(type: "integer", nullable: false),
                    HasPrivateMessages = table.Column<bool>(type: "boolean", nullable: false),
                    MovedToPrivateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Intent = table.Column<int>(type: "integer", nullable: true),
                    Sentiment = table.Column<int>(type: "integer", nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    PersonalData = table.Column<int>(type: "integer", nullable: false),
                    Routed = table.Column<bool>(type: "boolean", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    RoutedBy = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NoAction = table.Column<bool>(type: "boolean", nullable: false),
                    Forwarded = table.Column<bool>(type: "boolean", nullable: false),
                    ForwardedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ForwardedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SentBackAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentBackReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SlaPolicyId = table.Column<Guid>(type: "uuid", nullable: true),
                    AwaitingReplySince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WaitingSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Pauses = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FirstResponseDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextResponseDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Queue = table.Column<int>(type: "integer", nullable: false),
                    DueSort = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    BodyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StoredItems = table.Column<int>(type: "integer", nullable: false),
                    DuplicateItems = table.Column<int>(type: "integer", nullable: false),
                    IgnoredItems = table.Column<int>(type: "integer", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    EndpointId = table.Column<Guid>(type: "uuid", nullable: false),
                    Event = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_WebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "WebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConversationFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Network = table.Column<int>(type: "integer", nullable: false),
                    Department = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Intent = table.Column<int>(type: "integer", nullable: true),
                    Sentiment = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    NoAction = table.Column<bool>(type: "boolean", nullable: false),
                    NeedsResponse = table.Column<bool>(type: "boolean", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstResponseSeconds = table.Column<int>(type: "integer", nullable: true),
                    FirstResponseBusinessSeconds = table.Column<int>(type: "integer", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SlaPolicyId = table.Column<Guid>(type: "uuid", nullable: true),
                    FirstResponseSla = table.Column<int>(type: "integer", nullable: false),
                    FirstResponseDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionSla = table.Column<int>(type: "integer", nullable: false),
                    ResolutionDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MovedToPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    Forwarded = table.Column<bool>(type: "boolean", nullable: false),
                    ForwardedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ForwardOutcome = table.Column<int>(type: "integer", nullable: false),
                    Tags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "ConversationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "OutboundMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    InReplyToExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecipientExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SentByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SentByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsAutomatic = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "Posts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    IsPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    IsAutomatic = table.Column<bool>(type: "boolean", nullable: false),
                    AuthorExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorHandle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorFollowers = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    InReplyToExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Intent = table.Column<int>(type: "integer", nullable: true),
                    IntentSource = table.Column<int>(type: "integer", nullable: true),
                    IntentConfidence = table.Column<double>(type: "double precision", nullable: true),
                    IntentRule = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Sentiment = table.Column<int>(type: "integer", nullable: true),
                    SentimentScore = table.Column<double>(type: "double precision", nullable: true),
                    Urgency = table.Column<int>(type: "integer", nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    PersonalData = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "SlaEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedStaffId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "LabelCorrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    FromIntent = table.Column<int>(type: "integer", nullable: true),
                    FromSource = table.Column<int>(type: "integer", nullable: true),
                    ToIntent = table.Column<int>(type: "integer", nullable: false),
                    CorrectedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CorrectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabelCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabelCorrections_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_Slug",
                table: "Agencies",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_AgencyId",
                table: "ApiKeys",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_AgencyId_BrandId",
                table: "ApiKeys",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_AgencyId_BrandId_Prefix",
                table: "ApiKeys",
                columns: new[] { "AgencyId", "BrandId", "Prefix" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_BrandId",
                table: "ApiKeys",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Prefix",
                table: "ApiKeys",
                column: "Prefix");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AgencyId",
                table: "AuditEntries",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AgencyId_At",
                table: "AuditEntries",
                columns: new[] { "AgencyId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AgencyId_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "AgencyId", "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandHolidays_AgencyId",
                table: "BrandHolidays",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandHolidays_AgencyId_BrandId",
                table: "BrandHolidays",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandHolidays_AgencyId_BrandId_Date",
                table: "BrandHolidays",
                columns: new[] { "AgencyId", "BrandId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BrandHolidays_BrandId",
                table: "BrandHolidays",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandIntentModels_AgencyId",
                table: "BrandIntentModels",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandIntentModels_AgencyId_BrandId",
                table: "BrandIntentModels",
                columns: new[] { "AgencyId", "BrandId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BrandIntentModels_BrandId",
                table: "BrandIntentModels",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandMemberships_AgencyId",
                table: "BrandMemberships",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandMemberships_AgencyId_BrandId_UserId",
                table: "BrandMemberships",
                columns: new[] { "AgencyId", "BrandId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BrandMemberships_AgencyId_UserId",
                table: "BrandMemberships",
                columns: new[] { "AgencyId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandMemberships_BrandId",
                table: "BrandMemberships",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandMemberships_UserId",
                table: "BrandMemberships",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Brands_AgencyId",
                table: "Brands",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Brands_AgencyId_Slug",
                table: "Brands",
                columns: new[] { "AgencyId", "Slug" },
                unique: true);

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
                name: "IX_ConversationFacts_AgencyId",
                table: "ConversationFacts",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_AgencyId_BrandId",
                table: "ConversationFacts",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_Dashboard",
                table: "ConversationFacts",
                columns: new[] { "AgencyId", "BrandId", "StartedAt", "Network", "SlaPolicyId", "NoAction", "NeedsResponse", "FirstResponseSla", "FirstResponseDueAt", "ResolutionSla", "ResolutionDueAt", "MovedToPrivate", "Forwarded", "ForwardOutcome", "FirstResponseSeconds", "FirstResponseBusinessSeconds", "Tags" });

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
                name: "IX_Conversations_AgencyId",
                table: "Conversations",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_AssignedStaffId_Queue_DueSort",
                table: "Conversations",
                columns: new[] { "AgencyId", "AssignedStaffId", "Queue", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_BrandId",
                table: "Conversations",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_BrandId_ChangedAt_Id",
                table: "Conversations",
                columns: new[] { "AgencyId", "BrandId", "ChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgencyId_BrandId_ChannelAccountId_CustomerExt~",
                table: "Conversations",
                columns: new[] { "AgencyId", "BrandId", "ChannelAccountId", "CustomerExternalId", "LastActivityAt" });

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
                name: "IX_Conversations_Backlog",
                table: "Conversations",
                columns: new[] { "AgencyId", "BrandId", "Queue", "FirstResponseAt", "StartedAt", "AwaitingReplySince" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ChannelAccountId",
                table: "Conversations",
                column: "ChannelAccountId");

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
                name: "IX_Invitations_AgencyId",
                table: "Invitations",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_AgencyId_TokenHash",
                table: "Invitations",
                columns: new[] { "AgencyId", "TokenHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_LabelCorrections_AgencyId",
                table: "LabelCorrections",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_LabelCorrections_AgencyId_BrandId",
                table: "LabelCorrections",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_LabelCorrections_AgencyId_BrandId_CorrectedAt",
                table: "LabelCorrections",
                columns: new[] { "AgencyId", "BrandId", "CorrectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LabelCorrections_PostId",
                table: "LabelCorrections",
                column: "PostId");

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

            migrationBuilder.CreateIndex(
                name: "IX_NodeSignals_At",
                table: "NodeSignals",
                column: "At");

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
                name: "IX_Posts_AgencyId_BrandId_CreatedAt",
                table: "Posts",
                columns: new[] { "AgencyId", "BrandId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AgencyId_BrandId_ReceivedAt",
                table: "Posts",
                columns: new[] { "AgencyId", "BrandId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ChannelAccountId",
                table: "Posts",
                column: "ChannelAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ConversationId",
                table: "Posts",
                column: "ConversationId");

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
                name: "IX_ReportRecipients_AgencyId",
                table: "ReportRecipients",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_AgencyId_BrandId",
                table: "ReportRecipients",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_AgencyId_BrandId_Year_Month_Email",
                table: "ReportRecipients",
                columns: new[] { "AgencyId", "BrandId", "Year", "Month", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_BrandId",
                table: "ReportRecipients",
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

            migrationBuilder.CreateIndex(
                name: "IX_RosterRuns_AgencyId_CreatedAt",
                table: "RosterRuns",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterRuns_OneRunningPerAgency",
                table: "RosterRuns",
                column: "AgencyId",
                unique: true,
                filter: "\"Status\" = 1");

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
                name: "IX_Shifts_AgencyId_RosterRunId",
                table: "Shifts",
                columns: new[] { "AgencyId", "RosterRunId" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_AgencyId_StaffMemberId_StartsAt",
                table: "Shifts",
                columns: new[] { "AgencyId", "StaffMemberId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_AgencyId_StartsAt_EndsAt",
                table: "Shifts",
                columns: new[] { "AgencyId", "StartsAt", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_RosterRunId",
                table: "Shifts",
                column: "RosterRunId");

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

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_AgencyId",
                table: "StaffMembers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_AgencyId_Email",
                table: "StaffMembers",
                columns: new[] { "AgencyId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_AgencyId",
                table: "TeamMembers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_AgencyId_TeamId_StaffMemberId",
                table: "TeamMembers",
                columns: new[] { "AgencyId", "TeamId", "StaffMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_StaffMemberId",
                table: "TeamMembers",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_TeamId",
                table: "TeamMembers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_AgencyId",
                table: "Teams",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_AgencyId_Name",
                table: "Teams",
                columns: new[] { "AgencyId", "Name" },
                unique: true);

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
                name: "IX_WebhookDeliveries_AgencyId",
                table: "WebhookDeliveries",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_AgencyId_BrandId",
                table: "WebhookDeliveries",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_AgencyId_BrandId_EndpointId_CreatedAt",
                table: "WebhookDeliveries",
                columns: new[] { "AgencyId", "BrandId", "EndpointId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_AgencyId_BrandId_EndpointId_Status_NextAt~",
                table: "WebhookDeliveries",
                columns: new[] { "AgencyId", "BrandId", "EndpointId", "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_EndpointId",
                table: "WebhookDeliveries",
                column: "EndpointId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_AgencyId",
                table: "WebhookEndpoints",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_AgencyId_BrandId",
                table: "WebhookEndpoints",
                columns: new[] { "AgencyId", "BrandId" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_AgencyId_BrandId_IsActive",
                table: "WebhookEndpoints",
                columns: new[] { "AgencyId", "BrandId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_BrandId",
                table: "WebhookEndpoints",
                column: "BrandId");

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
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "BrandHolidays");

            migrationBuilder.DropTable(
                name: "BrandIntentModels");

            migrationBuilder.DropTable(
                name: "BrandMemberships");

            migrationBuilder.DropTable(
                name: "ChannelPlans");

            migrationBuilder.DropTable(
                name: "ClassificationRules");

            migrationBuilder.DropTable(
                name: "ConversationFacts");

            migrationBuilder.DropTable(
                name: "ConversationNotes");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DayStats");

            migrationBuilder.DropTable(
                name: "DayTallies");

            migrationBuilder.DropTable(
                name: "ForecastRuns");

            migrationBuilder.DropTable(
                name: "InboxDeliveries");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "LabelCorrections");

            migrationBuilder.DropTable(
                name: "MarketingEvents");

            migrationBuilder.DropTable(
                name: "NodeSignals");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OutboundMessages");

            migrationBuilder.DropTable(
                name: "ReportDeliveries");

            migrationBuilder.DropTable(
                name: "ReportRecipients");

            migrationBuilder.DropTable(
                name: "RollupStates");

            migrationBuilder.DropTable(
                name: "RoutingRules");

            migrationBuilder.DropTable(
                name: "SavedReplies");

            migrationBuilder.DropTable(
                name: "SensitivePatterns");

            migrationBuilder.DropTable(
                name: "ServiceHours");

            migrationBuilder.DropTable(
                name: "Shifts");

            migrationBuilder.DropTable(
                name: "SlaEvents");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "TeamMembers");

            migrationBuilder.DropTable(
                name: "TimeOff");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "WorkContracts");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Posts");

            migrationBuilder.DropTable(
                name: "RosterRuns");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropTable(
                name: "WebhookEndpoints");

            migrationBuilder.DropTable(
                name: "StaffMembers");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "ChannelAccounts");

            migrationBuilder.DropTable(
                name: "Brands");

            migrationBuilder.DropTable(
                name: "Agencies");
        }
    }
}
