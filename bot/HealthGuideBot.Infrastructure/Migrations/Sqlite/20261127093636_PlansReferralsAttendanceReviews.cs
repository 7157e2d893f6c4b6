using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthGuideBot.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlansReferralsAttendanceReviews : Migration
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

            migrationBuilder.CreateTable(
                name: "notification_ledger",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_ledger", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "plan_review_schedule",
                columns: table => new
                {
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResponsibleNurseUserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SnoozedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_review_schedule", x => x.PlanId);
                });

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
                name: "IX_attendance_prompts_PupilId_TermId",
                table: "attendance_prompts",
                columns: new[] { "PupilId", "TermId" });

            migrationBuilder.CreateIndex(
                name: "IX_health_absences_Date",
                table: "health_absences",
                column: "Date");

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

            migrationBuilder.CreateIndex(
                name: "IX_plan_review_schedule_DueDate",
                table: "plan_review_schedule",
                column: "DueDate");

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
                name: "attendance_prompts");

            migrationBuilder.DropTable(
                name: "health_absences");

            migrationBuilder.DropTable(
                name: "healthcare_plan_acknowledgements");

            migrationBuilder.DropTable(
                name: "healthcare_plan_versions");

            migrationBuilder.DropTable(
                name: "notification_ledger");

            migrationBuilder.DropTable(
                name: "plan_review_schedule");

            migrationBuilder.DropTable(
                name: "referrals");
        }
    }
}
