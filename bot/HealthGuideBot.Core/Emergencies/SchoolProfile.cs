namespace HealthGuideBot.Core.Emergencies;

/// <summary>
/// The school's own details, from configuration, that fill the DfE Template F script ("what to say to the 999
/// call handler"). Every value is required: a blank would leave a gap in the script read out in an emergency.
/// </summary>
public sealed record SchoolProfile(
    string Name,
    string Address,
    string Postcode,
    string Phone,
    string Entrance,
    string MeetingPoint);
