using Microsoft.EntityFrameworkCore;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>
/// Queues a unit of work for the database's writer before it opens a connection, so that waiting writers hold no
/// connection. SQLite has one writer at a time (<see cref="SqliteWriteGate"/>); a server database would run the work
/// at once.
/// </summary>
internal interface IDatabaseWriterQueue
{
    /// <summary>
    /// Runs <paramref name="write"/>, which writes through <paramref name="context"/>, when it is this writer's turn;
    /// at once when the context already holds the turn (inside its own transaction).
    /// </summary>
    Task WriteAsync(DbContext context, Func<CancellationToken, Task> write, CancellationToken cancellationToken);
}
