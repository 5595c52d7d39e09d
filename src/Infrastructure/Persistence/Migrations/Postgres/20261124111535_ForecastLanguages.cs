using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Postgres
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
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "Concurrency",
                table: "ForecastRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "LanguageCodes",
                table: "ForecastRuns",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'"); // runs computed before this column know no languages

            migrationBuilder.AddColumn<List<int>>(
                name: "LanguagePosts",
                table: "ForecastRuns",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<int>(
                name: "MinimumStaff",
                table: "ForecastRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "ServiceLevel",
                table: "ForecastRuns",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "Shrinkage",
                table: "ForecastRuns",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "TargetMinutes",
                table: "ForecastRuns",
                type: "integer",
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
