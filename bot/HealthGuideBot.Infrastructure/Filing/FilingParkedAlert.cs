using System.Text.Json;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>
/// Tells every member of staff with the Admin role that an item is parked, through <see cref="IStaffNotifier"/>
/// (once per item and recipient: key <c>filing-parked:{key}:{userId}</c>). Best effort: a failed alert is logged and
/// never blocks filing; the item stays parked and visible in the outbox whatever happens here.
/// </summary>
internal sealed partial class FilingParkedAlert
{
    public const string CardName = "filing/filing-parked";

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<FilingParkedAlert> _logger;

    public FilingParkedAlert(IServiceScopeFactory scopes, ILogger<FilingParkedAlert> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    public async Task RaiseAsync(string key, FilingTarget target, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var directory = scope.ServiceProvider.GetService<IStaffDirectory>();
            var notifier = scope.ServiceProvider.GetService<IStaffNotifier>();
            var cards = scope.ServiceProvider.GetService<CardTemplateLibrary>();
            if (directory is null || notifier is null || cards is null)
            {
                Log.NoAlertChannel(_logger, key);
                return;
            }

            var admins = await directory.InRoleAsync(StaffRole.Admin, cancellationToken);
            if (admins.Count == 0)
            {
                Log.NoAdministrators(_logger, key);
                return;
            }

            var bound = cards.Get(CardName).Bind(new FilingParkedCardModel(key, target.ToString(), reason), FilingCardJsonContext.Default.FilingParkedCardModel);
            using var document = JsonDocument.Parse(bound.ToJsonString());
            var card = document.RootElement.Clone();
            foreach (var admin in admins)
            {
                var outcome = await notifier.NotifyAsync(
                    new StaffNotification($"filing-parked:{key}:{admin.UserId}", admin.UserId, card, "A record could not be filed and needs an administrator."),
                    cancellationToken);
                Log.Alerted(_logger, key, admin.UserId, outcome);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.AlertFailed(_logger, key, ex.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6110, Level = LogLevel.Information, Message = "Parked-filing alert for {Key} to {UserId}: {Outcome}")]
        public static partial void Alerted(ILogger logger, string key, string userId, NotificationResult outcome);

        [LoggerMessage(EventId = 6111, Level = LogLevel.Error, Message = "Filing {Key} is parked but no administrator could be alerted: no staff directory, notifier or card library is registered")]
        public static partial void NoAlertChannel(ILogger logger, string key);

        [LoggerMessage(EventId = 6112, Level = LogLevel.Error, Message = "Filing {Key} is parked but no member of staff holds the Admin role to alert")]
        public static partial void NoAdministrators(ILogger logger, string key);

        [LoggerMessage(EventId = 6113, Level = LogLevel.Error, Message = "Alerting administrators about parked filing {Key} failed ({ErrorType})")]
        public static partial void AlertFailed(ILogger logger, string key, string errorType);
    }
}
