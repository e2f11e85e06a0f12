using ApGrid.Domain.Returns;
using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class Sen2XmlTests
{
    [Fact]
    public void The_file_has_the_header_and_each_persons_modules_and_leaves_out_what_ApGrid_does_not_hold()
    {
        var home = new Sen2Placement("100001", null, null);
        var persons = new[]
        {
            new Sen2Person("pupil-1", Upn(1), D(2012, 3, 4), "NR20 3AB", new Sen2Request(
                D(2025, 2, 3), "1", D(2025, 3, 17), "A",
                new Sen2Assessment("Y", D(2025, 7, 1), false, new Sen2NamedPlan(D(2025, 7, 1), home, null, null)),
                new Sen2ActivePlan(new Sen2Placement(null, null, "OLA", D(2025, 9, 1)), "ASD", D(2025, 10, 6), D(2025, 10, 13)))),
            new Sen2Person("pupil-2", Upn(2), D(2011, 5, 6), null, new Sen2Request(D(2025, 11, 20), "2", null, null, null, null)),
        };

        var xml = Sen2Xml.Write(new LaCode("902"), 2025, persons, new DateTimeOffset(2026, 1, 20, 9, 30, 0, TimeSpan.Zero), "27");

        Assert.Equal(
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Message>
              <Header>
                <CollectionDetails>
                  <Collection>SEN2</Collection>
                  <Year>2026</Year>
                  <ReferenceDate>2026-01-15</ReferenceDate>
                </CollectionDetails>
                <Source>
                  <SourceLevel>L</SourceLevel>
                  <LEA>902</LEA>
                  <SoftwareCode>ApGrid</SoftwareCode>
                  <Release>27</Release>
                  <SerialNo>1</SerialNo>
                  <DateTime>2026-01-20T09:30:00</DateTime>
                </Source>
              </Header>
              <Persons>
                <Person>
                  <PersonBirthDate>2012-03-04</PersonBirthDate>
                  <PostCode>NR20 3AB</PostCode>
                  <UPN>{Upn(1)}</UPN>
                  <Requests>
                    <ReceivedDate>2025-02-03</ReceivedDate>
                    <RequestSource>1</RequestSource>
                    <RequestOutcomeDate>2025-03-17</RequestOutcomeDate>
                    <RequestOutcome>A</RequestOutcome>
                    <Assessment>
                      <AssessmentOutcome>Y</AssessmentOutcome>
                      <AssessmentOutcomeDate>2025-07-01</AssessmentOutcomeDate>
                      <Week20>0</Week20>
                      <NamedPlan>
                        <StartDate>2025-07-01</StartDate>
                        <PlanDetail>
                          <URN>100001</URN>
                          <PlacementRank>1</PlacementRank>
                        </PlanDetail>
                      </NamedPlan>
                    </Assessment>
                    <ActivePlans>
                      <PlacementDetail>
                        <SENSetting>OLA</SENSetting>
                        <PlacementRank>1</PlacementRank>
                        <EntryDate>2025-09-01</EntryDate>
                      </PlacementDetail>
                      <SENneed>
                        <SENtype>ASD</SENtype>
                        <SENtypeRank>1</SENtypeRank>
                      </SENneed>
                      <ReviewMeeting>2025-10-06</ReviewMeeting>
                      <LastReview>2025-10-13</LastReview>
                    </ActivePlans>
                  </Requests>
                </Person>
                <Person>
                  <PersonBirthDate>2011-05-06</PersonBirthDate>
                  <UPN>{Upn(2)}</UPN>
                  <Requests>
                    <ReceivedDate>2025-11-20</ReceivedDate>
                    <RequestSource>2</RequestSource>
                  </Requests>
                </Person>
              </Persons>
            </Message>
            """.ReplaceLineEndings(Environment.NewLine),
            xml);
    }
}
