using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthGuideBot.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HealthcarePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "healthcare_plan_acknowledgements",
                columns: table => new
                {
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_healthcare_plan_acknowledgements", x => new { x.PlanId, x.Version, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "healthcare_plan_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PlanJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_healthcare_plan_versions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_healthcare_plan_versions_PlanId_Version",
                table: "healthcare_plan_versions",
                columns: new[] { "PlanId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_healthcare_plan_versions_PupilId",
                table: "healthcare_plan_versions",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_healthcare_plan_versions_ReviewDate",
                table: "healthcare_plan_versions",
                column: "ReviewDate");

            migrationBuilder.CreateIndex(
                name: "IX_healthcare_plan_versions_SubmissionId",
                table: "healthcare_plan_versions",
                column: "SubmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "healthcare_plan_acknowledgements");

            migrationBuilder.DropTable(
                name: "healthcare_plan_versions");
        }
    }
}
