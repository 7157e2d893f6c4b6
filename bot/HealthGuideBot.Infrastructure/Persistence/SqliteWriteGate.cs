using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>
/// Queues this process's SQLite writers on one asynchronous gate, so that they wait without holding a thread.
/// </summary>
/// <remarks>
/// <para>SQLite lets one connection write at a time. When a second connection tries, Microsoft.Data.Sqlite retries
/// the statement with <c>Thread.Sleep(150)</c> on the caller's thread until it gets the lock or the command times out.
/// Under concurrent turns each waiting writer then blocks a thread-pool thread for 150 ms at a time; the pool runs
/// short, and every turn, writer or not, waits behind them (the answer-path load test at concurrency 64 spent most of
/// its threads' time in that sleep: 540 activities/s at under one core, p99 440 ms).</para>
/// <para>The gate is held by a transaction from BEGIN to COMMIT or ROLLBACK (Microsoft.Data.Sqlite begins
/// <c>IMMEDIATE</c>, taking the write lock at once), and by a writing statement outside a transaction (INSERT,
/// UPDATE, DELETE, REPLACE and schema changes; EF's <c>ExecuteUpdate</c>, <c>ExecuteDelete</c> and single-statement
/// saves) until the statement finishes or its reader is disposed. Reads never take it: in WAL mode they do not block
/// the writer. Closing the connection releases whatever it still holds, so an exception path cannot leak the gate.</para>
/// <para>Only this process's EF connections pass through the gate. Quartz's job store writes the same file through its
/// own connections (a few statements every ten minutes) and another process (the <c>index</c> command) may open it;
/// those still meet SQLite's own locking, which remains correct, only slower.</para>
/// <para>A statement's or transaction's turn is taken after EF has opened its connection, so a writer queued there holds
/// an open SQLite connection (its page cache and parsed schema) while it waits. A write that happens in bursts takes
/// its turn first with <see cref="WriteAsync"/>, before any connection opens, and its statements and transactions then
/// pass straight through: a first-contact burst of 64 conversations held 64 connections open, and cost about 14 MiB
/// of peak RSS, before the conversation-reference upsert queued this way.</para>
/// <para>A writer waits at most <see cref="MaxWait"/> (Microsoft.Data.Sqlite's default command timeout) and then fails
/// with a clear error, as a busy database did before: a flow that holds the gate on one context and writes on
/// another would otherwise wait for ever.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A SemaphoreSlim holds nothing to free unless its AvailableWaitHandle is used, which it never is here; the gate lives as long as the process, and a release racing the container's disposal at shut-down must not throw.")]
internal sealed class SqliteWriteGate : IDbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor, IDatabaseWriterQueue
{
    /// <summary>The longest a writer waits for the gate.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Lease> _leases = [];
    private readonly AsyncLocal<Lease?> _flowLease = new();
    private readonly TimeSpan _maxWait;

    public SqliteWriteGate()
        : this(MaxWait)
    {
    }

    internal SqliteWriteGate(TimeSpan maxWait) => _maxWait = maxWait;

    /// <summary>Whether a writer holds the gate now (for tests and diagnostics).</summary>
    internal bool IsHeld => _gate.CurrentCount == 0;

    /// <summary>
    /// Runs <paramref name="write"/> holding the gate from before it opens a connection until it finishes; its own
    /// statements and transactions do not queue again. A nested call in the same flow runs at once, and so does a
    /// write on a context whose connection already holds the gate (inside its own transaction): queueing would wait
    /// on itself.
    /// </summary>
    public async Task WriteAsync(DbContext context, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        if (IsHeldByThisFlow || _leases.TryGetValue(context.Database.GetDbConnection(), out _))
        {
            await write(cancellationToken);
            return;
        }

        if (!await _gate.WaitAsync(_maxWait, cancellationToken))
        {
            throw TimedOut();
        }

        var lease = new Lease(_gate, statement: null);
        try
        {
            // Set inside this method, so it flows into the write and is gone for the caller when the method returns.
            _flowLease.Value = lease;
            await write(cancellationToken);
        }
        finally
        {
            lease.End();
        }
    }

    /// <summary>Whether this async flow is inside <see cref="WriteAsync"/> (a task it left running sees an ended lease).</summary>
    private bool IsHeldByThisFlow => _flowLease.Value is { IsEnded: false };

    // Transactions: held from BEGIN to its end.
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Acquire(connection);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await AcquireAsync(connection, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction.Connection);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction.Connection);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction.Connection);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction.Connection);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ReleaseUnlessSavepoint(transaction.Connection, eventData.Action);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseUnlessSavepoint(transaction.Connection, eventData.Action);
        return Task.CompletedTask;
    }

    // Writing statements outside a transaction: held until the statement is done.
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        AcquireForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await AcquireForStatementAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        AcquireForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await AcquireForStatementAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        AcquireForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await AcquireForStatementAsync(command, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        ReleaseStatement(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return ValueTask.FromResult(result);
    }

    // A reader's statement holds SQLite's write lock until the reader is finished with (an INSERT … RETURNING).
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ReleaseStatement(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ReleaseStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ReleaseStatement(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ReleaseStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return Task.CompletedTask;
    }

    // The backstop: a transaction disposed without COMMIT or ROLLBACK (an exception path) ends when EF closes its
    // connection, and so does anything else the connection still held.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Whether a statement changes the database: its first keyword, after white space and comments, is INSERT,
    /// UPDATE, DELETE, REPLACE, CREATE, DROP or ALTER. EF Core's SQLite provider writes with nothing else outside a
    /// transaction (a <c>WITH</c> prefix is not generated for writes; PRAGMAs are issued on the raw connection).
    /// </summary>
    internal static bool IsWrite(string? commandText)
    {
        var text = commandText.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n');
                text = end < 0 ? [] : text[(end + 1)..];
            }
            else if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text.IndexOf("*/", StringComparison.Ordinal);
                text = end < 0 ? [] : text[(end + 2)..];
            }
            else
            {
                break;
            }
        }

        var length = 0;
        while (length < text.Length && char.IsAsciiLetter(text[length]))
        {
            length++;
        }

        var keyword = text[..length];
        return keyword.Equals("INSERT", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("UPDATE", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("DELETE", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("REPLACE", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("CREATE", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("DROP", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("ALTER", StringComparison.OrdinalIgnoreCase);
    }

    private bool NeedsStatementLease(DbCommand command) =>
        command.Transaction is null
        && !IsHeldByThisFlow
        && command.Connection is { } connection
        && !_leases.TryGetValue(connection, out _)
        && IsWrite(command.CommandText);

    private void AcquireForStatement(DbCommand command)
    {
        if (NeedsStatementLease(command))
        {
            Acquire(command.Connection!, command);
        }
    }

    private async ValueTask AcquireForStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (NeedsStatementLease(command))
        {
            await AcquireAsync(command.Connection!, cancellationToken, command);
        }
    }

    private void Acquire(DbConnection connection, DbCommand? statement = null)
    {
        if (IsHeldByThisFlow || _leases.TryGetValue(connection, out _))
        {
            return;
        }

        if (!_gate.Wait(_maxWait))
        {
            throw TimedOut();
        }

        _leases.AddOrUpdate(connection, new Lease(_gate, statement));
    }

    private async ValueTask AcquireAsync(DbConnection connection, CancellationToken cancellationToken, DbCommand? statement = null)
    {
        if (IsHeldByThisFlow || _leases.TryGetValue(connection, out _))
        {
            return;
        }

        if (!await _gate.WaitAsync(_maxWait, cancellationToken))
        {
            throw TimedOut();
        }

        _leases.AddOrUpdate(connection, new Lease(_gate, statement));
    }

    private void ReleaseStatement(DbCommand command)
    {
        // Only the statement that took the lease ends it; statements inside a transaction leave it alone.
        if (command.Connection is { } connection && _leases.TryGetValue(connection, out var lease) && ReferenceEquals(lease.Statement, command))
        {
            Release(connection);
        }
    }

    private void ReleaseUnlessSavepoint(DbConnection? connection, string action)
    {
        // A failed savepoint leaves its transaction open; a failed BEGIN, COMMIT or ROLLBACK ends the unit of work.
        if (!action.Contains("Savepoint", StringComparison.OrdinalIgnoreCase))
        {
            Release(connection);
        }
    }

    private void Release(DbConnection? connection)
    {
        if (connection is not null && _leases.TryGetValue(connection, out var lease) && _leases.Remove(connection))
        {
            lease.End();
        }
    }

    private TimeoutException TimedOut() =>
        new($"Waited {_maxWait.TotalSeconds:0} s for the database's writer lock; another write in this process has held it all that time.");

    private sealed class Lease(SemaphoreSlim gate, DbCommand? statement)
    {
        private int _ended;

        public DbCommand? Statement { get; } = statement;

        public bool IsEnded => Volatile.Read(ref _ended) == 1;

        public void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
