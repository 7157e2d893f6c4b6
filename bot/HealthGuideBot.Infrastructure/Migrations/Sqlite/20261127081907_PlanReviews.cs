using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthGuideBot.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_plan_review_schedule_DueDate",
                table: "plan_review_schedule",
                column: "DueDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_ledger");

            migrationBuilder.DropTable(
                name: "plan_review_schedule");
        }
    }
}
