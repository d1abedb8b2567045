import { describe, expect, it } from "vitest";
import { renderContinuityPlanMail } from "./continuity-plan-mail";

const params = {
  link: "https://ketenportaal.example/",
  organisationName: "Veilig Thuis Kennemerland",
  startsOn: "2026-07-01",
  expectedEndOn: "2026-09-30",
  serviceNames: ["Crisisdienst", "Centrum Seksueel Geweld", "Bureaudienst"],
};

describe("renderContinuityPlanMail", () => {
  it("names the period and the services in order, in Dutch", () => {
    const mail = renderContinuityPlanMail({ template: "continuity_plan_started", params });
    expect(mail.subject).toBe("Ketenportaal: Continuïteitsplan Veilig Thuis Kennemerland van kracht");
    expect(mail.text).toContain("Vanaf 1 juli 2026 werkt Veilig Thuis Kennemerland volgens het continuïteitsplan");
    expect(mail.text).toContain("tot en met 30 september 2026");
    expect(mail.text).toContain("1. Crisisdienst\n2. Centrum Seksueel Geweld\n3. Bureaudienst");
    expect(mail.html).toContain("<li>Crisisdienst</li>");
  });

  it("says when it ended", () => {
    const mail = renderContinuityPlanMail({
      template: "continuity_plan_ended",
      params: { ...params, endedOn: "2026-09-15" },
    });
    expect(mail.subject).toBe("Ketenportaal: Continuïteitsplan Veilig Thuis Kennemerland beëindigd");
    expect(mail.text).toContain("is beëindigd per 15 september 2026");
  });
});
