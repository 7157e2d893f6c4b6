using System.Text.Json;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Infrastructure.HealthcarePlans;
using HealthGuideBot.Infrastructure.Persistence;
using HealthGuideBot.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.Infrastructure.Tests.HealthcarePlans;

/// <summary>The plan store against a real SQLite file: versions, idempotent submissions, the outbox in the same transaction.</summary>
public sealed class EfHealthcarePlanStoreTests
{
    [Fact]
    public async Task SaveVersionAsync_NumbersVersions_AndKeepsEveryFieldAcrossARestart()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var first = await Save(database, Plan("plan-1", "Asthma"), "sub-1");
        var second = await Save(database, Plan("plan-1", "Asthma and eczema") with { ReviewDate = new DateOnly(2027, 1, 31) }, "sub-2");

        await database.RestartAsync();
        var current = await With(database, s => s.GetCurrentAsync("plan-1", CancellationToken.None));
        var original = await With(database, s => s.GetVersionAsync("plan-1", 1, CancellationToken.None));

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(Json(second), Json(current!));
        Assert.Equal(Json(first), Json(original!));
        Assert.Equal(new DateOnly(2027, 1, 31), current!.ReviewDate);
        Assert.Equal(MedicineAdministration.SelfAdministeredSupervised, current.Medicines[0].Administration);
        Assert.Null(await With(database, s => s.GetVersionAsync("plan-1", 3, CancellationToken.None)));
    }

    [Fact]
    public async Task SaveVersionAsync_AddsTheFilingsForTheSavedVersion_InTheSameTransaction()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await Save(database, Plan("plan-1", "Asthma"), "sub-1");
        await Save(database, Plan("plan-1", "Asthma"), "sub-2");

        var keys = await WithDb(database, db => db.Outbox.AsNoTracking().OrderBy(e => e.Key).Select(e => e.Key + "|" + e.State).ToListAsync());

        Assert.Equal(
            ["plan:plan-1:v1:document|Pending", "plan:plan-1:v1:register|Pending", "plan:plan-1:v2:document|Pending", "plan:plan-1:v2:register|Pending"],
            keys);
    }

    [Fact]
    public async Task SaveVersionAsync_WritesNothing_WhenItsFilingsCannotBeSaved()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await WithDb(database, async db =>
        {
            // A stray outbox row holding the key the first version's document will need makes the transaction fail.
            HealthGuideBot.Infrastructure.Filing.FilingOutbox.Add(db, Filings(Plan("plan-1", "x") with { Version = 1 })[0], database.Time.GetUtcNow());
            await db.SaveChangesAsync();
            return 0;
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => Save(database, Plan("plan-1", "Asthma"), "sub-1"));

        Assert.Equal(0, await WithDb(database, db => db.HealthcarePlanVersions.CountAsync()));
        Assert.Equal(1, await WithDb(database, db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task SaveVersionAsync_WithASubmissionIdSavedBefore_ReturnsTheFirstVersion_AndWritesNothing()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var first = await Save(database, Plan("plan-1", "Asthma"), "sub-1");

        var repeat = await Save(database, Plan("plan-1", "Something else"), "sub-1");

        Assert.Equal(Json(first), Json(repeat));
        Assert.Equal(1, await WithDb(database, db => db.HealthcarePlanVersions.CountAsync()));
        Assert.Equal(2, await WithDb(database, db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task SaveVersionAsync_TwoConcurrentSavesOfOneSubmission_CreateOneVersion()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        // Two turns, two scopes, two connections: a double-clicked Submit arriving twice at once.
        var saves = await Task.WhenAll(
            Enumerable.Range(0, 2).Select(i => Task.Run(() => Save(database, Plan("plan-1", $"Asthma {i}"), "sub-1"))));

        Assert.Equal(1, saves[0].Version);
        Assert.Equal(Json(saves[0]), Json(saves[1]));
        Assert.Equal(1, await WithDb(database, db => db.HealthcarePlanVersions.CountAsync()));
        Assert.Equal(2, await WithDb(database, db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task SaveVersionAsync_TwoConcurrentSavesOfDifferentSubmissions_BothSave_AsConsecutiveVersions()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var saves = await Task.WhenAll(
            Enumerable.Range(0, 2).Select(i => Task.Run(() => Save(database, Plan("plan-1", "Asthma"), $"sub-{i}"))));

        Assert.Equal([1, 2], saves.Select(s => s.Version).Order());
        Assert.Equal(4, await WithDb(database, db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task GetCurrentForPupilAsync_ReturnsTheNewestVersionOfThePupilsPlan_OrNull()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await Save(database, Plan("plan-1", "Asthma"), "sub-1");
        await Save(database, Plan("plan-1", "Asthma, reviewed"), "sub-2");
        await Save(database, Plan("plan-2", "Diabetes") with { PupilId = "P0002" }, "sub-3");

        var sam = await With(database, s => s.GetCurrentForPupilAsync("P0001", CancellationToken.None));
        var nobody = await With(database, s => s.GetCurrentForPupilAsync("P9999", CancellationToken.None));

        Assert.Equal(("plan-1", 2, "Asthma, reviewed"), (sam!.PlanId, sam.Version, sam.Condition));
        Assert.Null(nobody);
    }

    [Fact]
    public async Task AcknowledgeAsync_IsRecordedPerVersionAndUser_AndRepeatingIsHarmless()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await Save(database, Plan("plan-1", "Asthma"), "sub-1");
        var at = database.Time.GetUtcNow();

        await With(database, async s => { await s.AcknowledgeAsync("plan-1", 1, "teacher-1", at, CancellationToken.None); return 0; });
        await With(database, async s => { await s.AcknowledgeAsync("plan-1", 1, "teacher-1", at.AddMinutes(1), CancellationToken.None); return 0; });

        Assert.True(await With(database, s => s.HasAcknowledgedAsync("plan-1", 1, "teacher-1", CancellationToken.None)));
        Assert.False(await With(database, s => s.HasAcknowledgedAsync("plan-1", 2, "teacher-1", CancellationToken.None)));
        Assert.False(await With(database, s => s.HasAcknowledgedAsync("plan-1", 1, "teacher-2", CancellationToken.None)));
        Assert.Equal(1, await WithDb(database, db => db.PlanAcknowledgements.CountAsync()));
    }

    internal static HealthcarePlan Plan(string planId, string condition) => new()
    {
        PlanId = planId,
        Version = 0,
        PupilId = "P0001",
        PupilName = "Sam Taylor",
        ClassName = "5B",
        DateOfBirth = new DateOnly(2015, 3, 14),
        Condition = condition,
        PlanDate = new DateOnly(2026, 3, 2),
        ReviewDate = new DateOnly(2027, 3, 2),
        FamilyContacts = [new FamilyContact("Jo Taylor", "Mother", null, null, "07700 900123")],
        GeneralPractitioner = new ProfessionalContact("Dr Patel, Riverside Surgery", "01632 960000"),
        SupportInSchool = "Class teacher and the school nurse",
        MedicalNeeds = new MedicalNeeds("Wheeze, cough", "Cold air, exercise", null, "Blue reliever inhaler", "Spacer", null),
        Medicines = [new PlanMedicine("Salbutamol", "2 puffs", "Inhaler with spacer", "When wheezy", "Shaky hands", null, MedicineAdministration.SelfAdministeredSupervised, "Red bag in 5B")],
        Emergency = new PlanEmergency("Cannot speak in sentences", "Give 10 puffs; call 999 if no better", "Class teacher", null),
        DevelopedWith = new PlanDevelopedWith(Parent: true, Pupil: true, SchoolNurse: true, null),
        ResponsibleNurseUserId = "nurse-1",
        CreatedByUserId = "nurse-1",
        CreatedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
    };

    private static IReadOnlyList<FilingRequest> Filings(HealthcarePlan plan) =>
    [
        new FilingRequest
        {
            Key = $"plan:{plan.PlanId}:v{plan.Version}:document", Target = FilingTarget.Document, RecordType = "plan", RecordId = plan.PlanId,
            Destination = "Healthcare plans", FileName = $"IHP-{plan.PlanId}-v{plan.Version}.docx", Content = [1, 2, 3],
        },
        new FilingRequest
        {
            Key = $"plan:{plan.PlanId}:v{plan.Version}:register", Target = FilingTarget.RegisterEntry, RecordType = "plan", RecordId = plan.PlanId,
            Destination = "Plan register", Fields = new Dictionary<string, string> { ["version"] = plan.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
    ];

    private static Task<HealthcarePlan> Save(SqliteTestDatabase database, HealthcarePlan plan, string submissionId) =>
        With(database, s => s.SaveVersionAsync(plan, submissionId, Filings, CancellationToken.None));

    private static async Task<T> With<T>(SqliteTestDatabase database, Func<IHealthcarePlanStore, Task<T>> use)
    {
        await using var scope = database.CreateScope();
        var store = new EfHealthcarePlanStore(scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>(), database.Time, NullLogger<EfHealthcarePlanStore>.Instance);
        return await use(store);
    }

    private static async Task<T> WithDb<T>(SqliteTestDatabase database, Func<HealthGuideDbContext, Task<T>> use)
    {
        await using var scope = database.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>());
    }

    private static string Json(HealthcarePlan plan) => JsonSerializer.Serialize(plan, HealthcarePlanJsonContext.Default.HealthcarePlan);
}
