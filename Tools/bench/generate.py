"""Generates a synthetic N-module course twice: for Meridian and as a minimal Hugo site.

Each module has about 600 words of Markdown (headings, emphasis, lists, links to other
modules by source file name, one quiz fence). The text comes from a seeded random choice of
ordinary words, so every run writes the same bytes, and the body below the front matter is
identical in both sites. Meridian's country data is copied from the project's Content/data.
"""

import random
import shutil
from pathlib import Path

VERSION = "1"  # bump when the generated text changes, so cached courses are rewritten
COUNTRIES = ["us", "ca", "fr", "de", "jp", "in", "br"]
WORDS = """
able account action advice afternoon agent answer apple area arrival balance basket bird
blue board book branch bread bridge bright brother budget button call calm card care
careful carry case change chapter cheap choice city clean clear clock cloud coffee
colour common company corner count country courage course cover customer daily delivery
desk detail direct doctor door early easy email evening example family fast field
figure final fine flight floor follow friend friendly garden gentle glass good green
group guide habit hand happy heavy help history holiday home honest hour house idea
important journey kind kitchen label language large late letter light list listen local
long lunch market meeting message minute modern money month morning music name near
network new night note number offer office open order orange paper parcel patient pay
people phone picture plan plate polite price problem promise public question quick
quiet rain reason record reply report request respect river road room rule safe
schedule school season service shop short simple slow small smile soft sound speak
special spring station steady step story street strong summer support table team thank
ticket time today train travel tree true understand useful voice wait warm water week
welcome window winter word work world write year young
""".split()


def generate(folder: Path, count: int, data: Path) -> dict[str, Path]:
    """Writes the course under folder/meridian and the Hugo site under folder/hugo (cached)."""
    meridian, hugo = folder / "meridian", folder / "hugo"
    stamp = folder / f".generated-v{VERSION}"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_sites(meridian, hugo, count)
        stamp.touch()
    copy_country_data(data, meridian / "data")
    return {"meridian": meridian, "hugo": hugo}


def write_sites(meridian: Path, hugo: Path, count: int) -> None:
    (meridian / "modules").mkdir(parents=True)
    (hugo / "content" / "modules").mkdir(parents=True)
    (meridian / "course.yaml").write_text(COURSE_YAML)
    write_hugo_skeleton(hugo)
    for number in range(1, count + 1):
        module = Module(number, count)
        (meridian / "modules" / module.file_name).write_text(module.meridian_text())
        (hugo / "content" / "modules" / f"{module.slug}.md").write_text(module.hugo_text())


def copy_country_data(source: Path, target: Path) -> None:
    """Country codes must name countries of the dataset, so the course carries the real data."""
    shutil.rmtree(target, ignore_errors=True)
    if source.is_dir():
        shutil.copytree(source, target)


class Module:
    """One synthetic module: file name, front matter and body, all seeded by its number."""

    def __init__(self, number: int, count: int):
        self.number, self.count = number, count
        self.random = random.Random(number)
        self.slug = f"topic-{number}"
        self.file_name = module_file(number, count)
        self.title = f"Topic {number} on {self.phrase(2, 3)}"
        self.summary = self.sentence(12, 20)
        self.body = Body(self).text()

    def meridian_text(self) -> str:
        objectives = "".join(f"  - {self.sentence(6, 10)}\n" for _ in range(self.random.randint(2, 3)))
        countries = ", ".join(self.random.sample(COUNTRIES, self.random.randint(1, 3)))
        return (f"---\ntitle: {self.title}\nsummary: {self.summary}\n"
                f"minutes: {self.random.randint(5, 30)}\nobjectives:\n{objectives}"
                f"countries: [{countries}]\n---\n\n{self.body}")

    def hugo_text(self) -> str:
        return f"---\ntitle: {self.title}\nsummary: {self.summary}\nweight: {self.number}\n---\n\n{self.body}"

    def phrase(self, low: int, high: int) -> str:
        return " ".join(self.random.choices(WORDS, k=self.random.randint(low, high)))

    def sentence(self, low: int, high: int, styled: bool = False) -> str:
        words = self.random.choices(WORDS, k=self.random.randint(low, high))
        if styled:
            first, second = self.random.sample(range(1, len(words)), 2)
            words[first], words[second] = f"*{words[first]}*", f"**{words[second]}**"
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence(6, 14, styled=self.random.random() < 0.5)
                        for _ in range(self.random.randint(3, 4)))

    def link(self) -> str:
        """A link to another module (never to a missing file)."""
        target = self.random.randrange(1, max(self.count, 2))  # any number but this module's
        if target >= self.number and self.count > 1:
            target += 1
        return f"[see topic {target}]({module_file(target, self.count)})"


class Body:
    """The Markdown body of a module: three sections, each with a subsection and lists."""

    def __init__(self, module: Module):
        self.module = module

    def text(self) -> str:
        m = self.module
        parts = [f"{m.paragraph()} For the background, {m.link()}."]
        for index in range(3):
            parts += self.section()
            if index == 1:
                parts += ["## Check your understanding", self.quiz()]
        return "\n\n".join(parts) + "\n"

    def section(self) -> list[str]:
        m = self.module
        bullets = "\n".join(f"- {m.sentence(4, 8)}" for _ in range(m.random.randint(3, 4)))
        steps = [m.sentence(4, 8) for _ in range(m.random.randint(2, 3))] + [f"When you are done, {m.link()}."]
        numbered = "\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1))
        return [f"## {m.phrase(2, 4).capitalize()}", m.paragraph(), bullets,
                f"### {m.phrase(2, 3).capitalize()}", m.paragraph(),
                numbered, m.paragraph()]

    def quiz(self) -> str:
        m = self.module
        right = m.random.randrange(3)
        choices = "".join(
            f"  - text: {m.sentence(5, 9)}\n" + ("    correct: true\n" if i == right else "")
            + f"    feedback: {m.sentence(6, 10)}\n" for i in range(3))
        return (f"```quiz\nid: m{m.number:05d}-q1\ntype: single\nprompt: Which statement is true?\n"
                f"choices:\n{choices}explanation: {m.sentence(10, 16)}\n```")


def module_file(number: int, count: int) -> str:
    return f"{number:0{len(str(count))}d}-topic-{number}.md"


COURSE_YAML = """\
id: https://example.org/courses/bench
title: Meridian benchmark course
version: 1.0.0
language: en
passScore: 0.8
"""


def write_hugo_skeleton(site: Path) -> None:
    (site / "config.toml").write_text(
        'baseURL = "https://example.org/courses/bench/"\ntitle = "Meridian benchmark course"\n'
        'languageCode = "en"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    layouts = site / "layouts"
    (layouts / "_default").mkdir(parents=True)
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text)


HUGO_LAYOUTS = {
    "_default/baseof.html": '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
                            "<title>{{ .Title }} – {{ .Site.Title }}</title></head>\n"
                            '<body>{{ block "main" . }}{{ end }}</body>\n</html>\n',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>\n{{ .Content }}{{ end }}\n',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}'
                          '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>\n'
                          "{{ end }}</ul>{{ end }}\n",
    "index.html": '{{ define "main" }}<h1>{{ .Site.Title }}</h1>\n<ol>{{ range .Site.RegularPages }}'
                  '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>\n'
                  "{{ end }}</ol>{{ end }}\n",
}
