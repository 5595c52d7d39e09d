using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ForecastLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "AverageHandlingMinutes",
                table: "ForecastRuns",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "Concurrency",
                table: "ForecastRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LanguageCodes",
                table: "ForecastRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "LanguagePosts",
                table: "ForecastRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "MinimumStaff",
                table: "ForecastRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "ServiceLevel",
                table: "ForecastRuns",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "Shrinkage",
                table: "ForecastRuns",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "TargetMinutes",
                table: "ForecastRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AverageHandlingMinutes",
                table: "ForecastRuns");

            migrationBuilder.DropColumn(
                name: "Concurrency",
                table: "ForecastRuns");

            migrationBuilder.DropColumn(
                name: "LanguageCodes",
                table: "ForecastRuns");

            migrationBuilder.DropColumn(
                name: "LanguagePosts",
                table: "ForecastRuns");

            migrationBuilder.DropColumn(
                name: "MinimumStaff",
                table: "ForecastRuns");

            migrationBuilder.DropColumn(
                name: "ServiceLevel",
                table: "ForecastRuns");

            migrationBuilder.DropColumn(
                name: "Shrinkage",
                table: "ForecastRuns");

            migrationBuilder.DropColumn(
                name: "TargetMinutes",
                table: "ForecastRuns");
        }
    }
}
