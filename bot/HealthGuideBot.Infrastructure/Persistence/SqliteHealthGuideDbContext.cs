using Microsoft.EntityFrameworkCore;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>
/// The SQLite flavour of <see cref="HealthGuideDbContext"/>, the embedded default. Its migrations live in
/// <c>Migrations/Sqlite</c>. SQLite cannot order or compare <see cref="DateTimeOffset"/> columns in SQL, so here
/// they are stored as UTC ticks.
/// </summary>
internal sealed class SqliteHealthGuideDbContext : HealthGuideDbContext
{
    public SqliteHealthGuideDbContext(DbContextOptions<SqliteHealthGuideDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
