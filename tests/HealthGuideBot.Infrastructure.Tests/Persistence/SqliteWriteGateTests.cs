using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Tests.Persistence;

/// <summary>
/// The write gate: this process's SQLite writers wait for each other on an asynchronous gate, not in
/// Microsoft.Data.Sqlite's <c>Thread.Sleep(150)</c> busy loop on the caller's thread. Without the gate, a second
/// writer's <c>SaveChangesAsync</c> would not even return a task while another connection holds the write lock: it
/// would sleep on the calling thread until the lock came free or 30 s passed.
/// </summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task SecondWriter_WaitsWithoutBlockingItsThread_UntilTheFirstTransactionCommits()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var gate = database.Services.GetRequiredService<SqliteWriteGate>();
        await using var first = database.CreateScope();
        await using var second = database.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var secondStore = second.ServiceProvider.GetRequiredService<IConversationReferenceStore>();

        await using var transaction = await firstDb.Database.BeginTransactionAsync();
        await firstDb.Database.ExecuteSqlRawAsync("UPDATE conversation_references SET IsActive = 1 WHERE 0");
        Assert.True(gate.IsHeld);

        // On this thread, synchronously: the call returns at once with a task that waits for the gate.
        var waiting = secondStore.UpsertAsync(Reference("a:one"), CancellationToken.None);
        Assert.False(waiting.IsCompleted, "The second writer should be queued on the gate while the first holds the write lock.");

        await transaction.CommitAsync();
        await waiting;

        Assert.NotNull(await secondStore.FindAsync("msteams", "a:one", CancellationToken.None));
        Assert.False(gate.IsHeld);
    }

    [Fact]
    public async Task QueuedReferenceWriter_HoldsNoOpenConnection_WhileItWaits()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var first = database.CreateScope();
        await using var second = database.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var secondConnection = second.ServiceProvider.GetRequiredService<HealthGuideDbContext>().Database.GetDbConnection();
        var secondStore = second.ServiceProvider.GetRequiredService<IConversationReferenceStore>();

        await using var transaction = await firstDb.Database.BeginTransactionAsync();
        var waiting = secondStore.UpsertAsync(Reference("a:queued"), CancellationToken.None);

        // Queued for its turn before opening: a burst of first contacts must not hold a connection per waiting writer.
        Assert.False(waiting.IsCompleted);
        Assert.Equal(System.Data.ConnectionState.Closed, secondConnection.State);

        await transaction.CommitAsync();
        await waiting;
        Assert.NotNull(await secondStore.FindAsync("msteams", "a:queued", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_LetsItsOwnStatementsAndTransactionsThrough_AndNestedCallsRunAtOnce()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var gate = database.Services.GetRequiredService<SqliteWriteGate>();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>();

        await gate.WriteAsync(db, async ct =>
        {
            Assert.True(gate.IsHeld);
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE conversation_references SET IsActive = 1 WHERE 0", ct);
                await transaction.CommitAsync(ct);
            }

            await store.UpsertAsync(Reference("a:nested"), ct); // a nested WriteAsync
            Assert.True(gate.IsHeld);
        }, CancellationToken.None);

        Assert.False(gate.IsHeld);
        Assert.NotNull(await store.FindAsync("msteams", "a:nested", CancellationToken.None));
    }

    [Fact]
    public async Task ReferenceUpsert_InsideATransactionOfItsOwnContext_DoesNotQueueBehindItself()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(services => services.AddSingleton(new SqliteWriteGate(TimeSpan.Zero)));
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>();

        await using var transaction = await db.Database.BeginTransactionAsync();
        await store.UpsertAsync(Reference("a:in-transaction"), CancellationToken.None); // with a zero wait, queueing would throw
        await transaction.CommitAsync();

        Assert.NotNull(await store.FindAsync("msteams", "a:in-transaction", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ReleasesTheGate_WhenTheWriteFails()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var gate = database.Services.GetRequiredService<SqliteWriteGate>();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.WriteAsync(db, _ => throw new InvalidOperationException("boom"), CancellationToken.None));

        Assert.False(gate.IsHeld);
    }

    [Fact]
    public async Task ConcurrentWriters_AllCommit_AndTheGateIsFreeAfterwards()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var gate = database.Services.GetRequiredService<SqliteWriteGate>();

        // References (single statements outside a transaction) and audit entries (a transaction each: BEGIN IMMEDIATE,
        // read the chain's tail, insert, commit), all at once on separate connections.
        var writers = Enumerable.Range(0, 24).Select(async i =>
        {
            await using var scope = database.CreateScope();
            if (i % 2 == 0)
            {
                await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().UpsertAsync(Reference($"a:{i}"), CancellationToken.None);
            }
            else
            {
                await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(
                    new AuditEntry("aad-nurse", StaffRole.Nurse, "plan.read", "plan", $"p{i}", database.Time.GetUtcNow(), null, AuditOutcome.Allowed, null),
                    CancellationToken.None);
            }
        }).ToList();
        await Task.WhenAll(writers);

        await using var check = database.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        Assert.Equal(12, await db.ConversationReferences.CountAsync());
        var sequences = await db.AuditEntries.Select(e => e.Sequence).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 12).Select(s => (long)s), sequences);
        Assert.False(gate.IsHeld);
    }

    [Fact]
    public async Task TransactionDisposedWithoutCommit_ReleasesTheGate()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var gate = database.Services.GetRequiredService<SqliteWriteGate>();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();

        await using (await db.Database.BeginTransactionAsync())
        {
            Assert.True(gate.IsHeld);

            // An exception path: neither commit nor rollback is called before the transaction is disposed.
        }

        Assert.False(gate.IsHeld);
        await using var other = database.CreateScope();
        await other.ServiceProvider.GetRequiredService<IConversationReferenceStore>().UpsertAsync(Reference("a:after"), CancellationToken.None);
    }

    [Fact]
    public async Task FailedStatement_ReleasesTheGate()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var gate = database.Services.GetRequiredService<SqliteWriteGate>();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE no_such_table SET x = 1"));

        Assert.False(gate.IsHeld);
    }

    [Fact]
    public async Task Reads_DoNotTakeTheGate()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var gate = database.Services.GetRequiredService<SqliteWriteGate>();
        await using var writer = database.CreateScope();
        var writerDb = writer.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        await using var reader = database.CreateScope();

        await using var transaction = await writerDb.Database.BeginTransactionAsync();
        var read = reader.ServiceProvider.GetRequiredService<IConversationReferenceStore>().FindAsync("msteams", "a:none", CancellationToken.None);

        Assert.True(read.IsCompleted, "A read must not queue behind a writer: WAL readers never wait for it.");
        Assert.Null(await read);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Writer_FailsWithAClearError_WhenTheGateIsHeldLongerThanItsLimit()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(services => services.AddSingleton(new SqliteWriteGate(TimeSpan.Zero)));
        await using var first = database.CreateScope();
        await using var second = database.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<HealthGuideDbContext>();

        await using var transaction = await firstDb.Database.BeginTransactionAsync();
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            second.ServiceProvider.GetRequiredService<IConversationReferenceStore>().UpsertAsync(Reference("a:late"), CancellationToken.None));

        Assert.Contains("writer lock", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)", true)]
    [InlineData("  update t set x = 1", true)]
    [InlineData("DELETE FROM t", true)]
    [InlineData("REPLACE INTO t VALUES (1)", true)]
    [InlineData("CREATE TABLE t (x)", true)]
    [InlineData("DROP TABLE t", true)]
    [InlineData("ALTER TABLE t ADD y", true)]
    [InlineData("-- tagged by EF\nUPDATE t SET x = 1", true)]
    [InlineData("/* a comment */ INSERT INTO t VALUES (1)", true)]
    [InlineData("SELECT * FROM t", false)]
    [InlineData("SELECT updated FROM t", false)]
    [InlineData("PRAGMA journal_mode", false)]
    [InlineData("-- UPDATE in a comment only\nSELECT 1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsWrite_ReadsTheFirstKeyword(string? sql, bool expected) =>
        Assert.Equal(expected, SqliteWriteGate.IsWrite(sql));

    private static ConversationReference Reference(string conversationId) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        Conversation = new ConversationAccount { Id = conversationId, TenantId = "tenant-1", ConversationType = "personal" },
        User = new ChannelAccount { Id = "29:user", AadObjectId = "aad-user" },
        Bot = new ChannelAccount { Id = "28:bot" },
    };
}
