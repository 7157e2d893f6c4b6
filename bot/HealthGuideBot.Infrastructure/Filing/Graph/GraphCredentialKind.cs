namespace HealthGuideBot.Infrastructure.Filing.Graph;

/// <summary>How the bot authenticates to Microsoft Graph (app-only).</summary>
internal enum GraphCredentialKind
{
    /// <summary>A certificate on the app registration (preferred over a secret).</summary>
    Certificate,

    /// <summary>A managed identity (system-assigned, or user-assigned with <c>ManagedIdentityClientId</c>).</summary>
    ManagedIdentity,

    /// <summary>A client secret (simplest; rotate it and keep it out of source control).</summary>
    ClientSecret,
}
