import type { Metadata } from "next";
import { AuthPage } from "@/components/account/auth-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AuthPage mode="sign-in" searchParams={props.searchParams} />;
}
