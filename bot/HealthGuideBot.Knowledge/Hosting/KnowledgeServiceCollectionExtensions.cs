using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Core.Questions;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Knowledge.Hosting;

/// <summary>Registers the knowledge base, the emergency router and responder, and question answering.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the knowledge base (loaded at start-up), <see cref="EmergencyRouter"/>, <see cref="EmergencyResponder"/>
    /// for <paramref name="school"/>, and <see cref="QuestionAnswerer"/> with the extractive composer unless another
    /// <see cref="IAnswerComposer"/> is registered. <paramref name="contentRoot"/> anchors the default index folder.
    /// </summary>
    public static IServiceCollection AddHealthGuideKnowledge(this IServiceCollection services, IConfiguration configuration, string contentRoot, Func<IServiceProvider, SchoolProfile> school)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<QuestionAnsweringOptions>().BindConfiguration(QuestionAnsweringOptions.Section);
        var options = configuration.GetSection(KnowledgeOptions.Section).Get<KnowledgeOptions>() ?? new KnowledgeOptions();
        var folder = Path.GetFullPath(options.Folder ?? Path.Combine(AppContext.BaseDirectory, "knowledge"), contentRoot);
        var indexFolder = Path.GetFullPath(options.IndexFolder ?? Path.Combine("data", "index"), contentRoot);

        services.TryAddSingleton<KnowledgeIndexBuilder>();
        services.TryAddSingleton(provider => new KnowledgeBase(folder, indexFolder, provider.GetRequiredService<KnowledgeIndexBuilder>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>(), options.IndexCheckInterval));
        services.AddHostedService(provider => provider.GetRequiredService<KnowledgeBase>());
        services.TryAddSingleton<IKnowledgeSearch>(provider => provider.GetRequiredService<KnowledgeBase>().Search);
        services.TryAddSingleton(provider =>
        {
            // Follows the live generation's synonyms, as search does: a re-index changes both.
            var knowledge = provider.GetRequiredService<KnowledgeBase>();
            return new EmergencyRouter(() => knowledge.Synonyms);
        });
        services.TryAddSingleton(provider =>
        {
            var knowledge = provider.GetRequiredService<KnowledgeBase>();
            return new EmergencyResponder(
                () => knowledge.Catalog,
                school(provider),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<EmergencyResponder>>());
        });
        services.TryAddSingleton<IAnswerComposer, ExtractiveAnswerComposer>();
        services.TryAddSingleton<SearchAdmission>();
        services.TryAddSingleton<QuestionAnswerer>(); // the constructor that takes the shared SearchAdmission
        return services;
    }
}
