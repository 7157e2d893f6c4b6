using System.Text.Json.Serialization;

namespace HealthGuideBot.Testing.Dialogs;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class VerbJsonContext : JsonSerializerContext;
