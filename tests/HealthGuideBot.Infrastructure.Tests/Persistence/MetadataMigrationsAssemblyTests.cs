using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HealthGuideBot.Infrastructure.Tests.Persistence;

public sealed class MetadataMigrationsAssemblyTests
{
    [Fact]
    public void FindsTheSameMigrationsAndSnapshotAsEfCoresScan()
    {
        using var efDefault = new SqliteHealthGuideDbContext(new DbContextOptionsBuilder<SqliteHealthGuideDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        using var lean = new SqliteHealthGuideDbContext(new DbContextOptionsBuilder<SqliteHealthGuideDbContext>()
            .UseSqlite("Data Source=:memory:")
            .ReplaceService<IMigrationsAssembly, MetadataMigrationsAssembly>().Options);

        var expected = efDefault.GetService<IMigrationsAssembly>();
        var actual = lean.GetService<IMigrationsAssembly>();

        Assert.IsType<MetadataMigrationsAssembly>(actual);
        Assert.NotEmpty(expected.Migrations);
        Assert.Equal(expected.Migrations.Select(m => (m.Key, m.Value)), actual.Migrations.Select(m => (m.Key, m.Value)));
        Assert.Equal(expected.ModelSnapshot?.GetType(), actual.ModelSnapshot?.GetType());
        Assert.NotNull(actual.ModelSnapshot);
        var last = expected.Migrations.Keys.Last();
        Assert.Equal(expected.FindMigrationId(last), actual.FindMigrationId(last));
        Assert.Equal(last, actual.FindMigrationId(last[15..]));
    }
}
