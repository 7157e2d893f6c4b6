using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Host.Conversations;
using HealthGuideBot.Host.Conversations.Help;
using HealthGuideBot.Host.Conversations.HealthcarePlans;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Host.Conversations.Emergency;
using HealthGuideBot.Host.Conversations.Questions;
using HealthGuideBot.Host.Conversations.Reviews;
using HealthGuideBot.Host.Conversations.Referrals;
using HealthGuideBot.Host.Conversations.Welcome;
using HealthGuideBot.Host.Diagnostics;
using HealthGuideBot.Knowledge.Hosting;
using HealthGuideBot.Infrastructure.Hosting;

namespace HealthGuideBot.Host.Hosting;

/// <summary>The host's hosting pair: <c>AddHealthGuideBot</c> registers everything, <c>MapHealthGuideBot</c> maps it.</summary>
internal static class HealthGuideBotHostingExtensions
{
    public static WebApplicationBuilder AddHealthGuideBot(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<HealthGuideBotOptions>().BindConfiguration(HealthGuideBotOptions.Section).ValidateOnStart();

        builder.Services.AddBotFramework<HealthGuideBotApp>(options => BindBotFrameworkOptions(options, configuration))
            .AddBotDialogs()
            .AddProactiveMessaging()
            .AddHealthGuideStorage(configuration)
            .AddHealthGuideFiling(configuration); // HealthGuideBot:Filing: the local folder by default, or Microsoft Graph
        builder.Services.AddHealthGuideAccess(configuration, builder.Environment.ContentRootPath);
        builder.AddHealthGuideBotKnowledge();
        builder.AddPlanReviews();
        builder.AddTurnMetrics(); // healthguidebot.turn.duration by route kind; Development: /dev/metrics/turns for the load tool

        builder.Services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName);
        builder.Services.AddSingleton(new CardTemplateLibrary(typeof(HealthGuideBotApp).Assembly));
        builder.Services.AddScoped<WelcomeConversation>();
        builder.Services.AddScoped<HelpConversation>();
        builder.Services.AddScoped<EmergencyConversation>();
        builder.Services.AddScoped<QuestionConversation>();
        builder.Services.AddScoped<FeedbackRecorder>();
        builder.Services.AddHealthcarePlanForms();
        builder.Services.AddHealthcarePlanViews();
        builder.Services.AddScoped<ITurnErrorHandler, ApologyOnError>();
        builder.Services.AddAttendance();
        builder.Services.AddReferrals();
        builder.Services.AddHostedService<NativeHeapTrimmer>(); // memory: returns freed native memory (glibc) to the OS
        return builder;
    }

    /// <summary>
    /// The knowledge base, emergencies and question answering, with the school's profile and "ask" role: shared by the
    /// bot and the command line, so both answer the same way.
    /// </summary>
    public static IHostApplicationBuilder AddHealthGuideBotKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthGuideKnowledge(builder.Configuration, builder.Environment.ContentRootPath, SchoolProfileFrom);
        builder.Services.AddGeneratedAnswers(builder.Configuration); // nothing unless HealthGuideBot:GeneratedAnswers:Enabled
        builder.Services.AddOptions<Core.Questions.QuestionAnsweringOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<HealthGuideBotOptions>>((questions, bot) => questions.AskRole = bot.Value.AskRole);
        return builder;
    }

    public static WebApplication MapHealthGuideBot(this WebApplication app)
    {
        app.MapBotMessages();
        app.MapPlanReviewDevelopmentEndpoints();
        app.MapTurnMetricsDevelopmentEndpoints();
        app.MapGet("/healthz", () => Results.Ok(new HealthStatus("ok"))).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Maps the Azure Bot Service settings users already know onto the protocol options, so that a bot configured
    /// for the Bot Framework SDK needs no new names.
    /// </summary>
    internal static void BindBotFrameworkOptions(BotFrameworkOptions options, IConfiguration configuration)
    {
        if (configuration["MicrosoftAppType"] is { Length: > 0 } appType)
        {
            options.AppType = Enum.TryParse<BotAppType>(appType, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"MicrosoftAppType '{appType}' is not supported. Use SingleTenant or UserAssignedMSI (multi-tenant bot registrations can no longer be created).");
        }

        options.AppId = NullIfEmpty(configuration["MicrosoftAppId"]);
        options.AppPassword = NullIfEmpty(configuration["MicrosoftAppPassword"]);
        options.AppTenantId = NullIfEmpty(configuration["MicrosoftAppTenantId"]);

        var section = configuration.GetSection(HealthGuideBotOptions.Section);
        options.DangerouslyAllowUnauthenticatedLoopbackRequests = section.GetValue<bool>(nameof(HealthGuideBotOptions.DangerouslyAllowUnauthenticatedLoopbackRequests));
        AddAll(options.AllowedTenantIds, section.GetSection(nameof(HealthGuideBotOptions.AllowedTenantIds)));
        AddAll(options.AllowedServiceUrlHosts, section.GetSection(nameof(HealthGuideBotOptions.AllowedServiceUrlHosts)));
        AddAll(options.AllowedCallers, section.GetSection(nameof(HealthGuideBotOptions.AllowedCallers)));
    }

    private static void AddAll(IList<string> target, IConfigurationSection section)
    {
        foreach (var child in section.GetChildren())
        {
            if (child.Value is { Length: > 0 } value)
            {
                target.Add(value);
            }
        }
    }

    private static SchoolProfile SchoolProfileFrom(IServiceProvider services)
    {
        var school = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthGuideBotOptions>>().Value.School;
        return new SchoolProfile(school.Name, school.Address, school.Postcode, school.Phone, school.Entrance, school.MeetingPoint);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed record HealthStatus(string Status);
}
