using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Host.Conversations.Attendance;

/// <summary>
/// The SENCO's answers to the attendance prompt. "Start panel referral" (<c>referrals.start</c>) belongs to the
/// referral conversation; "Not now" is answered here: the prompt is not repeated this term either way.
/// </summary>
internal static class AttendanceConversation
{
    public const string NotNowVerb = "attendance.notNow";

    public static Task<AdaptiveCardInvokeResponse> NotNowAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(AdaptiveCardInvokeResponse.Message(
            "OK, not now. I won't prompt you about this pupil again this term. If you change your mind, you can start a multi-agency panel referral at any time."));
    }
}
