namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// Where this host's managed identity endpoint is. App Service and Functions set <c>IDENTITY_ENDPOINT</c> and
/// <c>IDENTITY_HEADER</c>; elsewhere (VMs, AKS, Container Apps) the Instance Metadata Service answers at a fixed address.
/// </summary>
internal sealed record ManagedIdentityEnvironment(Uri? AppServiceEndpoint, string? AppServiceHeader)
{
    public static ManagedIdentityEnvironment FromProcess()
    {
        string? endpoint = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
        string? header = Environment.GetEnvironmentVariable("IDENTITY_HEADER");
        return Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) && !string.IsNullOrEmpty(header)
            ? new ManagedIdentityEnvironment(uri, header)
            : new ManagedIdentityEnvironment(null, null);
    }

    /// <summary>The default on a host with no App Service identity variables: use the Instance Metadata Service.</summary>
    public static ManagedIdentityEnvironment Imds { get; } = new(null, null);

    /// <summary>Never shows the App Service header, which is a secret.</summary>
    public override string ToString() => AppServiceEndpoint is null ? "IMDS" : "App Service identity endpoint";
}
