using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>
/// Sets the durability pragmas on every SQLite connection EF opens: write-ahead logging (readers never block the
/// writer; an interrupted write is rolled back from the log on next open) and <c>synchronous=FULL</c>, so that a
/// commit is on disk before it returns, even in WAL mode (security.md 58).
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command)
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
