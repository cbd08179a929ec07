import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "IoMT Ward",
  description: "Open IoMT ward platform: live central station, alerts, devices and patient portal.",
};

export const viewport: Viewport = { themeColor: "#05070a", colorScheme: "dark" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) is new each time, so nothing is prerendered.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas text-ink antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
