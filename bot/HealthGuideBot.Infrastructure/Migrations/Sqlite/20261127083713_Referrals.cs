using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthGuideBot.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PupilId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PupilName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClassName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    RiskIndicated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_PupilId",
                table: "referrals",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_Reference",
                table: "referrals",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_SubmittedByUserId_SubmittedAt",
                table: "referrals",
                columns: new[] { "SubmittedByUserId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_Year_Sequence",
                table: "referrals",
                columns: new[] { "Year", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referrals");
        }
    }
}
