using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Infrastructure.Persistence;
using HealthGuideBot.Infrastructure.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Notifications;

/// <summary>
/// Sends a card to one member of staff in their 1:1 chat with the bot: the stored personal conversation, or a new one
/// (Teams create-conversation with the tenant id) when none is stored.
/// </summary>
/// <remarks>
/// <para>
/// Once-only, by claim-then-send on <c>notification_ledger</c>: the key is inserted (unique) before the send and the
/// row finished after it, so a retry, a second sweep or a restart finds the key and sends nothing. The choice is
/// <b>at-most-once</b> wherever delivery is uncertain: if the process stops during the send, or the channel fails
/// ambiguously (a 5xx after the request went out, a cancelled call), the claim stays and the prompt is not sent
/// again. A reminder lost that way is followed by the next stage (due, then the SENCO's overdue escalation); a
/// duplicate reminder in a nurse's chat cannot be taken back. Where the send certainly did not happen (a refused
/// request, a 4xx other than 403, retries exhausted on 429), the claim is released and the next sweep tries again,
/// so transient failures are retried (at-least-once for the failures that are known not to have delivered).
/// </para>
/// <para>
/// Teams' rate limits are the connector client's business (per-conversation and per-app limits, Retry-After).
/// </para>
/// </remarks>
internal sealed partial class ProactiveStaffNotifier : IStaffNotifier
{
    private const string TeamsChannelId = "msteams";

    private readonly HealthGuideDbContext _db;
    private readonly IConversationReferenceStore _references;
    private readonly IConnectorClient _connector;
    private readonly TimeProvider _timeProvider;
    private readonly ProactiveNotificationOptions _options;
    private readonly BotFrameworkOptions _bot;
    private readonly ILogger<ProactiveStaffNotifier> _logger;

    public ProactiveStaffNotifier(
        HealthGuideDbContext db,
        IConversationReferenceStore references,
        IConnectorClient connector,
        TimeProvider timeProvider,
        IOptions<ProactiveNotificationOptions> options,
        IOptions<BotFrameworkOptions> bot,
        ILogger<ProactiveStaffNotifier> logger)
    {
        _db = db;
        _references = references;
        _connector = connector;
        _timeProvider = timeProvider;
        _options = options.Value;
        _bot = bot.Value;
        _logger = logger;
    }

    public async Task<NotificationResult> NotifyAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrEmpty(notification.Key);
        ArgumentException.ThrowIfNullOrEmpty(notification.UserId);
        if (await TryClaimAsync(notification, cancellationToken) is { } earlier)
        {
            Log.AlreadyHandled(_logger, earlier);
            return earlier == NotificationLedgerState.Unreachable ? NotificationResult.Unreachable : NotificationResult.AlreadySent;
        }

        StoredConversationReference? stored = null;
        try
        {
            var route = await ResolveRouteAsync(cancellationToken);
            stored = route.TenantId is null
                ? await FindPersonalConversationInAnyTenantAsync(notification.UserId, cancellationToken)
                : await _references.FindPersonalConversationAsync(route.TenantId, notification.UserId, cancellationToken);
            ConversationReference reference;
            if (stored is not null)
            {
                reference = stored.Reference;
            }
            else if (route.ServiceUrl is null || route.TenantId is null)
            {
                Log.NoRouteToCreateConversation(_logger);
                await FinishAsync(notification.Key, NotificationLedgerState.Unreachable, null, null, cancellationToken);
                return NotificationResult.Unreachable;
            }
            else
            {
                reference = await CreatePersonalConversationAsync(notification.UserId, route, cancellationToken);
            }

            var sent = await _connector.SendToConversationAsync(reference.ServiceUrl, reference.Conversation.Id!, ToActivity(notification, reference), cancellationToken);
            await FinishAsync(notification.Key, NotificationLedgerState.Sent, reference.Conversation.Id, sent.Id, CancellationToken.None);
            Log.Sent(_logger, stored is null);
            return NotificationResult.Sent;
        }
        catch (ConnectorException ex) when (ex.IsBotRemovedFromConversation)
        {
            Log.Unreachable(_logger, stored is not null);
            if (stored is not null)
            {
                await _references.MarkInactiveAsync(stored.Reference.ChannelId, stored.Reference.Conversation.Id!, CancellationToken.None);
            }

            await FinishAsync(notification.Key, NotificationLedgerState.Unreachable, stored?.Reference.Conversation.Id, null, CancellationToken.None);
            return NotificationResult.Unreachable;
        }
        catch (Exception ex) when (IsUncertain(ex))
        {
            Log.DeliveryUncertain(_logger, ex.GetType().Name);
            await FinishAsync(notification.Key, NotificationLedgerState.Uncertain, stored?.Reference.Conversation.Id, null, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            // Certainly not delivered: release the claim so that the next sweep tries again.
            Log.NotDelivered(_logger, ex.GetType().Name);
            await _db.NotificationLedger.Where(e => e.Key == notification.Key && e.State == NotificationLedgerState.Claimed)
                .ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
    }

    private static bool IsUncertain(Exception ex) =>
        ex is OperationCanceledException || (ex is ConnectorException { PossiblyDelivered: true });

    /// <summary>Inserts the key; returns null when claimed now, else the state of the earlier claim.</summary>
    private async Task<NotificationLedgerState?> TryClaimAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        var existing = await _db.NotificationLedger.AsNoTracking().Where(e => e.Key == notification.Key).Select(e => (NotificationLedgerState?)e.State).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var row = new NotificationLedgerEntity
        {
            Key = notification.Key,
            UserId = notification.UserId,
            State = NotificationLedgerState.Claimed,
            ClaimedAt = _timeProvider.GetUtcNow(),
        };
        _db.NotificationLedger.Add(row);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // Another sweep claimed the key between the read and the insert: it sends, this one does not.
            return await _db.NotificationLedger.AsNoTracking().Where(e => e.Key == notification.Key).Select(e => e.State).SingleAsync(cancellationToken);
        }
        finally
        {
            _db.Entry(row).State = EntityState.Detached;
        }
    }

    private async Task FinishAsync(string key, NotificationLedgerState state, string? conversationId, string? activityId, CancellationToken cancellationToken)
    {
        DateTimeOffset? sentAt = state == NotificationLedgerState.Sent ? _timeProvider.GetUtcNow() : null;
        await _db.NotificationLedger.Where(e => e.Key == key).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(e => e.State, state)
                .SetProperty(e => e.SentAt, sentAt)
                .SetProperty(e => e.ConversationId, conversationId)
                .SetProperty(e => e.ActivityId, activityId),
            cancellationToken);
    }

    /// <summary>
    /// Teams 1:1 create-conversation: <c>isGroup</c> false, the user as the only member, the bot, and the tenant both
    /// as <c>tenantId</c> and as <c>channelData.tenant.id</c>. The member is the user's Teams id (<c>29:…</c>) when a
    /// reference of theirs was ever stored, else their Entra object id, which Teams also accepts.
    /// </summary>
    private async Task<ConversationReference> CreatePersonalConversationAsync(string userId, ProactiveRoute route, CancellationToken cancellationToken)
    {
        var known = await FindAnyReferenceOfUserAsync(userId, cancellationToken);
        var member = new ChannelAccount
        {
            Id = known?.User?.Id is { Length: > 0 } teamsId ? teamsId : userId,
            AadObjectId = userId,
        };
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = route.Bot,
            Members = [member],
            TenantId = route.TenantId,
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = route.TenantId } },
        };
        var created = await _connector.CreateConversationAsync(route.ServiceUrl!, parameters, cancellationToken);
        var conversationId = created.Id is { Length: > 0 } id
            ? id
            : throw new ConnectorException("The connector created a conversation without an id.");
        var reference = new ConversationReference
        {
            ChannelId = TeamsChannelId,
            ServiceUrl = created.ServiceUrl is { Length: > 0 } serviceUrl ? serviceUrl : route.ServiceUrl!,
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", IsGroup = false, TenantId = route.TenantId },
            User = member,
            Bot = route.Bot,
        };
        await _references.UpsertAsync(reference, cancellationToken);
        Log.ConversationCreated(_logger);
        return reference;
    }

    private async Task<ProactiveRoute> ResolveRouteAsync(CancellationToken cancellationToken)
    {
        var latest = await LatestReferenceAsync(cancellationToken);
        var tenantId = _options.TenantId ?? _bot.AppTenantId ?? latest?.Conversation.TenantId;
        var serviceUrl = _options.ServiceUrl?.ToString() ?? latest?.ServiceUrl;
        var bot = _options.BotId is { Length: > 0 } botId ? new ChannelAccount { Id = botId }
            : latest?.Bot is { Id.Length: > 0 } storedBot ? new ChannelAccount { Id = storedBot.Id, Name = storedBot.Name }
            : _bot.AppId is { Length: > 0 } appId ? new ChannelAccount { Id = "28:" + appId }
            : null;
        return new ProactiveRoute(serviceUrl, tenantId, bot);
    }

    private async Task<ConversationReference?> LatestReferenceAsync(CancellationToken cancellationToken)
    {
        var json = await _db.ConversationReferences.AsNoTracking()
            .Where(e => e.ChannelId == TeamsChannelId || e.TenantId != null)
            .OrderByDescending(e => e.UpdatedAt)
            .Select(e => e.ReferenceJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize(json, BotFrameworkJsonContext.Default.ConversationReference);
    }

    /// <summary>
    /// When no tenant is configured or stored (a channel that leaves <c>conversation.tenantId</c> out), the user's
    /// active 1:1 conversation whatever its tenant: the bot serves one school's tenant.
    /// </summary>
    private async Task<StoredConversationReference?> FindPersonalConversationInAnyTenantAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await _db.ConversationReferences.AsNoTracking()
            .Where(e => e.UserId == userId && e.IsPersonal && e.IsActive)
            .OrderByDescending(e => e.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : EfConversationReferenceStore.ToStored(row);
    }

    private async Task<ConversationReference?> FindAnyReferenceOfUserAsync(string userId, CancellationToken cancellationToken)
    {
        var json = await _db.ConversationReferences.AsNoTracking()
            .Where(e => e.UserId == userId)
            .OrderByDescending(e => e.UpdatedAt)
            .Select(e => e.ReferenceJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize(json, BotFrameworkJsonContext.Default.ConversationReference);
    }

    private static Activity ToActivity(StaffNotification notification, ConversationReference reference)
    {
        var card = JsonNode.Parse(notification.Card.GetRawText()) as JsonObject
            ?? throw new ArgumentException("A notification card is a JSON object.", nameof(notification));
        return MessageFactory.Card(card, notification.FallbackText) with
        {
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.Bot,
            Recipient = reference.User,
        };
    }

    private sealed record ProactiveRoute(string? ServiceUrl, string? TenantId, ChannelAccount? Bot);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3070, Level = LogLevel.Information, Message = "Staff notification sent (new conversation: {CreatedConversation})")]
        public static partial void Sent(ILogger logger, bool createdConversation);

        [LoggerMessage(EventId = 3071, Level = LogLevel.Debug, Message = "Staff notification not sent: its key was already {State}")]
        public static partial void AlreadyHandled(ILogger logger, NotificationLedgerState state);

        [LoggerMessage(EventId = 3072, Level = LogLevel.Warning, Message = "Staff notification: recipient unreachable (403; stored conversation: {HadStoredConversation})")]
        public static partial void Unreachable(ILogger logger, bool hadStoredConversation);

        [LoggerMessage(EventId = 3073, Level = LogLevel.Warning, Message = "Staff notification: no stored conversation and no service URL or tenant to create one; set HealthGuideBot:Proactive")]
        public static partial void NoRouteToCreateConversation(ILogger logger);

        [LoggerMessage(EventId = 3074, Level = LogLevel.Warning, Message = "Staff notification may have been delivered ({ErrorType}); it will not be sent again")]
        public static partial void DeliveryUncertain(ILogger logger, string errorType);

        [LoggerMessage(EventId = 3075, Level = LogLevel.Warning, Message = "Staff notification not delivered ({ErrorType}); the next sweep tries again")]
        public static partial void NotDelivered(ILogger logger, string errorType);

        [LoggerMessage(EventId = 3076, Level = LogLevel.Information, Message = "Created a 1:1 conversation for a staff notification")]
        public static partial void ConversationCreated(ILogger logger);
    }
}
