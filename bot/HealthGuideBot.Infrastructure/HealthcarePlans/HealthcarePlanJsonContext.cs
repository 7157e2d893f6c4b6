using System.Text.Json.Serialization;
using HealthGuideBot.Core.HealthcarePlans;

namespace HealthGuideBot.Infrastructure.HealthcarePlans;

/// <summary>The stored shape of a plan: camelCase JSON, enums as names (readable in the database and stable across reorderings).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HealthcarePlan))]
internal sealed partial class HealthcarePlanJsonContext : JsonSerializerContext;
