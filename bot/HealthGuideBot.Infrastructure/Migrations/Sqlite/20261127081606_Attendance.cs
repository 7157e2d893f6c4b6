using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthGuideBot.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Attendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attendance_prompts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PupilId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TermId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ThresholdDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PromptedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendance_prompts", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "health_absences",
                columns: table => new
                {
                    PupilId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Session = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_absences", x => new { x.PupilId, x.Date, x.Session });
                });

            migrationBuilder.CreateIndex(
                name: "IX_attendance_prompts_PupilId_TermId",
                table: "attendance_prompts",
                columns: new[] { "PupilId", "TermId" });

            migrationBuilder.CreateIndex(
                name: "IX_health_absences_Date",
                table: "health_absences",
                column: "Date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance_prompts");

            migrationBuilder.DropTable(
                name: "health_absences");
        }
    }
}
