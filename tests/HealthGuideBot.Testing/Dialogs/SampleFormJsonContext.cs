using System.Text.Json.Serialization;

namespace HealthGuideBot.Testing.Dialogs;

[JsonSerializable(typeof(SampleFormState))]
public sealed partial class SampleFormJsonContext : JsonSerializerContext;
