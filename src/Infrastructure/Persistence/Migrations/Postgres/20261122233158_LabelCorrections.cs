using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LabelCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabelCorrections");
        }
    }
}
