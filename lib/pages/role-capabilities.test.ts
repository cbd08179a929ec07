import { describe, expect, it } from "vitest";
import { navLinks } from "@/components/app-nav";
import { ROLES, type Principal, type Role } from "@/lib/auth/principal";
import { forbiddenReason } from "./forbidden-reason";
import { pagePurpose, ROLE_CAN } from "./role-capabilities";

const principal = (role: Role): Principal => ({
  userId: "u1",
  email: `${role}@x`,
  name: role,
  role,
  patientId: role === "patient" ? "p1" : null,
  wardIds: ["w1"],
  via: "session",
});

describe("the 403 page's guidance", () => {
  it("says what every role may do", () => {
    for (const role of ROLES) expect(ROLE_CAN[role].length).toBeGreaterThan(20);
    expect(ROLE_CAN.biomed).toMatch(/Patient records are not part of your role/);
  });

  it("explains every page the nav offers each role (the links on the 403 page)", () => {
    for (const role of ROLES) {
      for (const link of navLinks(principal(role))) expect(pagePurpose(link.href), `${role} ${link.href}`).not.toBeNull();
    }
    expect(pagePurpose("/patients/p1")).toMatch(/your record/);
    expect(pagePurpose("/nowhere")).toBeNull();
  });

  it("words the refusal by path and role", () => {
    expect(forbiddenReason("/admin/audit", "nurse")).toEqual({
      title: "Not available to your role",
      detail: "This page is for administrators; you are signed in as nurse.",
    });
    expect(forbiddenReason("/wards/w9", "nurse").title).toBe("No access to this ward");
    expect(forbiddenReason("/patients/p2", "patient").detail).toBe("You can see only your own record.");
    expect(forbiddenReason("/no-access", "patient").title).toBe("No patient record linked");
    expect(forbiddenReason("/elsewhere", null).title).toBe("Access denied");
  });
});
