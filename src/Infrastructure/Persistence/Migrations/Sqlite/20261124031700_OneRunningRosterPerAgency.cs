using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agency.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneRunningRosterPerAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Runs left running when the servers stop for this upgrade were interrupted (and before this index, an agency could
            // hold two): marked so, which also lets the index below be built.
            migrationBuilder.Sql("UPDATE \"RosterRuns\" SET \"Status\" = 4, \"Message\" = 'Interrupted: the server building it stopped; run it again.' WHERE \"Status\" = 1;");

            migrationBuilder.DropIndex(
                name: "IX_RosterRuns_AgencyId",
                table: "RosterRuns");

            migrationBuilder.CreateIndex(
                name: "IX_RosterRuns_OneRunningPerAgency",
                table: "RosterRuns",
                column: "AgencyId",
                unique: true,
                filter: "\"Status\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RosterRuns_OneRunningPerAgency",
                table: "RosterRuns");

            migrationBuilder.CreateIndex(
                name: "IX_RosterRuns_AgencyId",
                table: "RosterRuns",
                column: "AgencyId");
        }
    }
}
