"""Ray tracer: spheres and a checkered plane with shadows and reflections.

Object-heavy float code: a Vector class with operator overloading, scene
objects with virtual intersect/normal methods, recursive reflection rays.
Checksum: a digest of the quantized image.
"""

import math

import harness

DEFAULT_SIZE = 180
QUICK_SIZE = 56

MAX_DEPTH = 3
EPSILON = 1e-6


class Vec:
    """An immutable 3-vector."""

    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def hadamard(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


BLACK = Vec(0.0, 0.0, 0.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, reflectivity):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.reflectivity = reflectivity

    def color_at(self, point):
        return self.color


class Checkered(Material):
    def color_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return Vec(0.1, 0.1, 0.1)


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        for t in (-b - root, -b + root):
            if t > EPSILON:
                return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Scene:
    def __init__(self):
        self.objects = [
            Plane(Vec(0.0, -1.0, 0.0), Vec(0.0, 1.0, 0.0),
                  Checkered(Vec(0.9, 0.9, 0.9), 0.8, 0.1, 0.3)),
            Sphere(Vec(0.0, 0.0, 5.0), 1.0,
                   Material(Vec(0.9, 0.2, 0.2), 0.7, 0.5, 0.4)),
            Sphere(Vec(-2.2, 0.3, 6.5), 1.3,
                   Material(Vec(0.2, 0.9, 0.3), 0.8, 0.3, 0.2)),
            Sphere(Vec(2.0, -0.4, 4.2), 0.6,
                   Material(Vec(0.3, 0.4, 0.95), 0.6, 0.9, 0.6)),
        ]
        self.lights = [(Vec(-5.0, 6.0, -2.0), Vec(1.0, 1.0, 1.0)),
                       (Vec(4.0, 3.0, 1.0), Vec(0.4, 0.4, 0.5))]
        self.ambient = Vec(0.08, 0.08, 0.1)

    def nearest(self, ray):
        best_t, best = None, None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t, best = t, obj
        return best_t, best

    def in_shadow(self, point, light_pos):
        to_light = light_pos - point
        distance = to_light.length()
        t, _ = self.nearest(Ray(point, to_light * (1.0 / distance)))
        return t is not None and t < distance

    def trace(self, ray, depth=0):
        t, obj = self.nearest(ray)
        if obj is None:
            return Vec(0.05, 0.05, 0.15)
        point = ray.at(t)
        normal = obj.normal_at(point)
        material = obj.material
        base = material.color_at(point)
        color = base.hadamard(self.ambient)
        for light_pos, light_color in self.lights:
            if self.in_shadow(point, light_pos):
                continue
            to_light = (light_pos - point).normalized()
            lambert = max(0.0, normal.dot(to_light))
            color = color + base.hadamard(light_color) * (
                lambert * material.diffuse)
            half = (to_light - ray.direction).normalized()
            spec = max(0.0, normal.dot(half)) ** 32
            color = color + light_color * (spec * material.specular)
        if depth < MAX_DEPTH and material.reflectivity > 0.0:
            reflected = Ray(point, ray.direction.reflect(normal))
            color = color + self.trace(reflected, depth + 1) * (
                material.reflectivity)
        return color


def to_byte(value):
    return min(255, max(0, int(value * 255.0 + 0.5)))


def render(scene, width, height):
    eye = Vec(0.0, 0.5, -1.0)
    pixels = bytearray()
    for j in range(height):
        for i in range(width):
            x = (i + 0.5) / width * 2.0 - 1.0
            y = 1.0 - (j + 0.5) / height * 2.0
            direction = Vec(x, y * height / width, 1.5).normalized()
            c = scene.trace(Ray(eye, direction))
            pixels += bytes((to_byte(c.x), to_byte(c.y), to_byte(c.z)))
    return bytes(pixels)


def run(size):
    image = render(Scene(), size, size * 3 // 4)
    return "%d %s" % (sum(image), harness.digest(image))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
