using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Infrastructure.People;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Infrastructure.Tests.People;

public sealed class RosterDirectoryTests : IDisposable
{
    private const string Roster = """
        {
          "staff": [
            { "userId": "aaaa-1", "name": "Nina Nurse", "roles": ["Nurse"] },
            { "userId": "bbbb-2", "name": "Tom Teacher", "roles": ["teacher"], "classes": ["5B"] },
            { "userId": "cccc-3", "name": "Sue Senco", "roles": ["Senco", "Dsl"] },
          ],
          "pupils": [
            { "id": "P1", "name": "Sam Taylor", "class": "5B", "dateOfBirth": "2016-03-14" },
            { "id": "P2", "name": "Zoë O'Neill", "class": "5B" },
            { "id": "P3", "name": "Sam Novak", "class": "6A" }
          ]
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hgb-roster-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new();

    public RosterDirectoryTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Staff_AreFoundByEntraObjectId_WithRolesAndClasses()
    {
        var directory = Load(Roster);

        var teacher = await directory.FindAsync("BBBB-2", CancellationToken.None);

        Assert.NotNull(teacher);
        Assert.True(teacher.HasRole(StaffRole.Teacher));
        Assert.True(teacher.Teaches("5b"));
        Assert.Null(await directory.FindAsync("nobody", CancellationToken.None));
        Assert.Equal(["Sue Senco"], (await directory.InRoleAsync(StaffRole.Dsl, CancellationToken.None)).Select(s => s.DisplayName));
    }

    [Theory]
    [InlineData("Sam Taylor", "P1")]
    [InlineData("sam taylor's", "P1")]
    [InlineData("Taylor", "P1")]
    [InlineData("zoe oneill", null)]
    [InlineData("Zoe O'Neill", "P2")]
    [InlineData("ZOË", "P2")]
    public async Task Pupils_AreFoundByName_IgnoringCaseAccentsAndPossessives(string typed, string? expected)
    {
        var directory = Load(Roster);

        var found = await directory.FindByNameAsync(typed, CancellationToken.None);

        Assert.Equal(expected is null ? [] : [expected], found.Select(p => p.Id));
    }

    [Fact]
    public async Task AFirstNameSharedByTwoPupils_ReturnsBoth()
    {
        var directory = Load(Roster);

        var found = await directory.FindByNameAsync("Sam", CancellationToken.None);

        Assert.Equal(["P3", "P1"], found.Select(p => p.Id));
    }

    [Fact]
    public void ABrokenRoster_ListsEveryProblem()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("""
            { "staff": [ { "name": "No Id" }, { "userId": "x", "roles": ["Wizard"] }, { "userId": "X" } ],
              "pupils": [ { "id": "P1", "name": "A" }, { "id": "P2", "name": "B", "class": "1", "dateOfBirth": "14/03/2016" } ] }
            """));

        Assert.Contains("staff[0]: userId", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown role 'Wizard'", error.Message, StringComparison.Ordinal);
        Assert.Contains("staff[2]: userId 'X' appears twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("pupils[0]: id, name and class are required", error.Message, StringComparison.Ordinal);
        Assert.Contains("pupils[1]: dateOfBirth must be yyyy-MM-dd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_StopsTheStartWithTheSettingToFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RosterDirectory(Path.Combine(_folder, "none.json"), _clock, NullLogger<RosterDirectory>.Instance));

        Assert.Contains("HealthGuideBot:Roster:File", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRoster_MeansNobodyHoldsARole()
    {
        var directory = new RosterDirectory(null, _clock, NullLogger<RosterDirectory>.Instance);

        Assert.Null(await directory.FindAsync("aaaa-1", CancellationToken.None));
        Assert.Empty(await directory.InRoleAsync(StaffRole.Nurse, CancellationToken.None));
    }

    [Fact]
    public async Task AnEditedFile_IsPickedUpAfterTheRecheckInterval_AndABrokenEditKeepsTheLastGoodRoster()
    {
        var directory = Load(Roster);
        var path = Path.Combine(_folder, "roster.json");

        await File.WriteAllTextAsync(path, Roster.Replace("\"Nurse\"", "\"Admin\"", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        Assert.True((await directory.FindAsync("aaaa-1", CancellationToken.None))!.HasRole(StaffRole.Nurse));

        _clock.Advance(RosterDirectory.RecheckInterval);
        Assert.True((await directory.FindAsync("aaaa-1", CancellationToken.None))!.HasRole(StaffRole.Admin));

        await File.WriteAllTextAsync(path, "{ not json");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(10));
        _clock.Advance(RosterDirectory.RecheckInterval);
        Assert.True((await directory.FindAsync("aaaa-1", CancellationToken.None))!.HasRole(StaffRole.Admin));
    }

    [Fact]
    public async Task TheBundledSampleRoster_Loads()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "bot", "HealthGuideBot.Host", "Roster", "roster.sample.json");

        var directory = new RosterDirectory(Path.GetFullPath(sample), _clock, NullLogger<RosterDirectory>.Instance);

        Assert.True((await directory.FindAsync("00000000-0000-0000-0000-0000000000020", CancellationToken.None))!.HasRole(StaffRole.Nurse));
        Assert.Equal("5B", (await ((IPupilDirectory)directory).FindAsync("P0001", CancellationToken.None))!.ClassName);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private RosterDirectory Load(string json)
    {
        var path = Path.Combine(_folder, "roster.json");
        File.WriteAllText(path, json);
        return new RosterDirectory(path, _clock, NullLogger<RosterDirectory>.Instance);
    }
}
