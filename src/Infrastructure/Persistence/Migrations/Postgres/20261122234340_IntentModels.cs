using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntentModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BrandIntentModels");
        }
    }
}
