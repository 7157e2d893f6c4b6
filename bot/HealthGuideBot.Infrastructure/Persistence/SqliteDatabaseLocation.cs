using Microsoft.Data.Sqlite;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>
/// Where the SQLite database lives: the configured connection string with a relative <c>Data Source</c> resolved
/// against the content root, so <c>data/healthguidebot.db</c> means the same file whatever the working directory.
/// </summary>
internal sealed record SqliteDatabaseLocation(string ConnectionString, string? FilePath)
{
    public const string ConnectionStringName = "HealthGuideBot";
    public const string DefaultConnectionString = "Data Source=data/healthguidebot.db";

    public static SqliteDatabaseLocation Resolve(string? configuredConnectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(configuredConnectionString ?? DefaultConnectionString);
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(dataSource)
            || string.Equals(dataSource, ":memory:", StringComparison.Ordinal))
        {
            return new SqliteDatabaseLocation(builder.ToString(), null);
        }

        builder.DataSource = Path.GetFullPath(dataSource, contentRootPath);
        return new SqliteDatabaseLocation(builder.ToString(), builder.DataSource);
    }
}
