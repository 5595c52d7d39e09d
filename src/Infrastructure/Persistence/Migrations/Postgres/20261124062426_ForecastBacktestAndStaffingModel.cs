using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ForecastBacktestAndStaffingModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<double>>(
                name: "BacktestLastWeek",
                table: "ForecastRuns",
                type: "double precision[]",
                nullable: false,
                defaultValueSql: "'{}'"); // runs computed before this column have no backtest week to show

            migrationBuilder.AddColumn<int>(
                name: "StaffingModel",
                table: "ForecastRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BacktestLastWeek",
                table: "ForecastRuns");

            migrationBuilder.DropColumn(
                name: "StaffingModel",
                table: "ForecastRuns");
        }
    }
}
